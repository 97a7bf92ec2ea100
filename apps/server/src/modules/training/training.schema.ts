import type { AssignmentTarget, CourseStatus } from '@anxin/contracts';

/** One edition of a course; lessons and questions are JSON, frozen once published. */
export interface TrainingCoursesTable {
  id: string;
  series_id: string;
  edition: number;
  status: CourseStatus;
  title: string;
  description: string;
  category_code: string | null;
  certification_name: string | null;
  validity_months: number | null;
  pass_mark: number | null;
  lessons: string;
  questions: string;
  published_at: string | null;
  retired_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingFilesTable {
  id: string;
  course_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: string;
}

export interface TrainingAssignmentsTable {
  id: string;
  series_id: string;
  target_kind: AssignmentTarget;
  target_id: string;
  due_on: string;
  created_by: string | null;
  created_at: string;
}

export interface TrainingLessonReadsTable {
  course_id: string;
  technician_id: string;
  lesson_no: number;
  read_at: string;
}

export interface TrainingAttemptsTable {
  id: string;
  course_id: string;
  series_id: string;
  technician_id: string;
  attempt_no: number;
  status: 'open' | 'submitted';
  answers: string | null;
  score: number | null;
  passed: number;
  expires_on: string | null;
  started_at: string;
  submitted_at: string | null;
}

export interface TrainingTables {
  training_courses: TrainingCoursesTable;
  training_files: TrainingFilesTable;
  training_assignments: TrainingAssignmentsTable;
  training_lesson_reads: TrainingLessonReadsTable;
  training_attempts: TrainingAttemptsTable;
}

/** The tables this module owns; other modules read them through its index.ts. */
export const OWNED_TABLES = [
  'training_courses',
  'training_files',
  'training_assignments',
  'training_lesson_reads',
  'training_attempts',
] as const satisfies readonly (keyof TrainingTables)[];
