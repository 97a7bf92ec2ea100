export interface JobQueueTable {
  id: string;
  name: string;
  payload: string;
  singleton_key: string | null;
  state: 'queued' | 'active' | 'completed' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  completed_at: string | null;
}
export interface JobSchedulesTable {
  name: string;
  every_seconds: number;
  next_run_at: string;
  last_run_at: string | null;
}
export interface JobTables {
  job_queue: JobQueueTable;
  job_schedules: JobSchedulesTable;
}
