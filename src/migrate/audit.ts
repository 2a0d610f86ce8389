// The audit trail of changes to an environment, as the migrate runner sees it: one record per deploy or
// resolve, opened before anything changes and closed with the outcome. The action implements it with
// GitHub Deployments (src/github/deployments.ts); the CLI runs without one.

export interface AuditRequest {
  environment: string;
  production: boolean;
  /** "deploy:migrations" (GitHub's convention for a migration task). */
  task: string;
  description: string;
  payload: Record<string, unknown>;
}

export type AuditOutcome = "success" | "failure" | "error";

export interface AuditRecord {
  id: number;
  /** Where a person looks at the record. */
  url?: string;
  finish(outcome: AuditOutcome, description: string): Promise<void>;
}

export interface AuditTrail {
  /** Opens the record (GitHub: a deployment and its `in_progress` status). Throws when it cannot. */
  start(request: AuditRequest): Promise<AuditRecord>;
}
