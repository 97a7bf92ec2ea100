import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttemptResult,
  CourseInput,
  CourseListItem,
  CourseStatus,
  CreateAssignment,
  LearnerList,
  MyTraining,
  QuizAttempt,
  TrainingAssignment,
  TrainingCourse,
  TrainingFigures,
} from '@anxin/contracts';
import { api, ApiError, CLIENT_ERROR_CODES, getCsrfToken, toApiError } from '../../api/client.ts';

/**
 * Training calls (issue #17 item 6) in one place. Every write invalidates the whole `training`
 * cache, so lists, the open course, the figures and 我的培训 refresh together.
 */
const KEY = ['training'] as const;
const P = '/api/v1/training';

export const useCourses = (status?: CourseStatus) =>
  useQuery({
    queryKey: [...KEY, 'courses', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: CourseListItem[] }>(`${P}/courses`, status ? { status } : undefined, { signal }),
  });

export const useCourse = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'course', id],
    queryFn: ({ signal }) => api.get<TrainingCourse>(`${P}/courses/${id}`, undefined, { signal }),
  });

export const useAssignments = () =>
  useQuery({
    queryKey: [...KEY, 'assignments'],
    queryFn: ({ signal }) =>
      api.get<{ items: TrainingAssignment[] }>(`${P}/assignments`, undefined, { signal }),
  });

export const useLearners = (enabled = true) =>
  useQuery({
    enabled,
    queryKey: [...KEY, 'learners'],
    queryFn: ({ signal }) => api.get<LearnerList>(`${P}/learners`, undefined, { signal }),
    staleTime: 60_000,
  });

export const useTrainingFigures = () =>
  useQuery({
    queryKey: [...KEY, 'figures'],
    queryFn: ({ signal }) => api.get<TrainingFigures>(`${P}/figures`, undefined, { signal }),
  });

export const useMyTraining = () =>
  useQuery({
    queryKey: [...KEY, 'my'],
    queryFn: ({ signal }) => api.get<MyTraining>(`${P}/my`, undefined, { signal }),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateCourse = () =>
  useWrite((body: CourseInput) => api.post<TrainingCourse>(`${P}/courses`, body));
export const useUpdateCourse = (id: string) =>
  useWrite((body: CourseInput & { version: number }) => api.put<TrainingCourse>(`${P}/courses/${id}`, body));
export const useCourseStep = (id: string) =>
  useWrite(({ step, version }: { step: 'publish' | 'retire' | 'revise'; version: number }) =>
    api.post<TrainingCourse>(`${P}/courses/${id}/${step}`, step === 'revise' ? undefined : { version }),
  );
export const useAssign = () =>
  useWrite((body: CreateAssignment) => api.post<{ items: TrainingAssignment[] }>(`${P}/assignments`, body));

export const useMarkRead = () =>
  useWrite(({ courseId, no }: { courseId: string; no: number }) =>
    api.post<{ lessonsRead: number[] }>(`${P}/my/courses/${courseId}/lessons/${no}/read`),
  );
export const useStartAttempt = () =>
  useWrite((courseId: string) => api.post<QuizAttempt>(`${P}/my/courses/${courseId}/attempts`));
export const useAttempt = (id: string | null) =>
  useQuery({
    enabled: !!id,
    queryKey: [...KEY, 'attempt', id],
    queryFn: ({ signal }) => api.get<QuizAttempt>(`${P}/my/attempts/${id}`, undefined, { signal }),
  });
export const useSubmitAttempt = () =>
  useWrite(({ id, answers }: { id: string; answers: Record<string, string[]> }) =>
    api.post<AttemptResult>(`${P}/my/attempts/${id}/submit`, { answers }),
  );

/** Multipart upload of a lesson video or attachment (field `file`) to a draft. */
async function uploadFile({ courseId, file }: { courseId: string; file: File }) {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`${P}/courses/${courseId}/files`, {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as { id: string; filename: string };
}
export const useUploadCourseFile = () => useWrite(uploadFile);

export const fileUrl = (courseId: string, fileId: string, mine = false) =>
  `${P}/${mine ? 'my/' : ''}courses/${courseId}/files/${fileId}`;
