import type { reviewDetail } from "~/models/review.server";

/** What the review page knows about one result: the current one, every revision, a conflicting paper form. */
export type ReviewDetail = Awaited<ReturnType<typeof reviewDetail>>;
export type ReviewContest = { code: string; name: string; candidates: { number: number; name: string }[] };

/** One source shown side by side: the latest revision of a source, or one keying of a conflicting paper form. */
export interface SourceColumn {
  key: string;
  title: string;
  by: string;
  votes: Record<string, number>;
  invalid: number;
  submissionId: string | null;
  isCurrent: boolean;
}
