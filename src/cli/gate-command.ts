// `migrate-guard gate`: may the target's migrations be promoted from staging to production? Reads both
// databases read-only and, with a GitHub token, the staging deployments; sets the commit status.
import type { Logger } from "../core/logger.js";
import { toSoakJson } from "../core/soak.js";
import { readActionsContext } from "../github/context.js";
import { GateGitHub } from "../gate/github.js";
import { gateExitCode, renderGateText } from "../gate/render.js";
import { gateOctokit } from "../gate/retry.js";
import { runGate } from "../gate/run.js";
import { validateGateRequest } from "../gate/settings.js";
import { parseCommandArgs } from "./args.js";

export const GATE_USAGE = `Usage: migrate-guard gate --from-database-url URL --to-database-url URL [options]

Decides whether the migrations pending on production (in the repository here, not applied there) have
soaked long enough on staging: each must be applied on staging — finished, not rolled back, the same
checksum — at least --soak-hours ago by the staging server's clock. With GITHUB_TOKEN and
GITHUB_REPOSITORY set it also checks the staging deployments (code soak) and sets the commit status
migrate-guard/soak on the target. Both databases are only read.

Options:
  --from-database-url URL   the staging database (default: env STAGING_DATABASE_URL)
  --to-database-url URL     the production database (default: env PRODUCTION_DATABASE_URL)
  --soak-hours N            hours on staging before promotion (default: 24)
  --sha SHA                 the target commit (default: env GITHUB_SHA)
  --from NAME               the environment migrations soak in (default: staging)
  --to NAME                 the environment they go to (default: production)
  --deployment-tasks LIST   deployment tasks that count for the code soak (default: deploy:migrations; none: off)
  --override-reason TEXT    pass a soak not complete yet, with this reason (the actor must be in
                            --override-actors; never covers a migration missing or broken on staging,
                            an unreadable database or a wrong stamp)
  --override-actors LIST    GitHub logins allowed to override (comma-separated)
  --no-commit-status        do not set the migrate-guard/soak commit status
  --working-directory DIR   the Prisma project, checked out at the target (default: .)
  --schema PATH             schema.prisma (default: from prisma.config.ts / package.json / prisma/)
  --json                    print { decision, remainingSeconds, earliestPassAt, reasons, migrations }
  -h, --help                this help

Exit codes: 0 pass, 1 wait or block, 2 usage or configuration error.
`;

const OPTIONS = {
  "from-database-url": { type: "string" },
  "to-database-url": { type: "string" },
  "soak-hours": { type: "string" },
  sha: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  "deployment-tasks": { type: "string" },
  "override-reason": { type: "string" },
  "override-actors": { type: "string" },
  "no-commit-status": { type: "boolean" },
  "working-directory": { type: "string" },
  schema: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export interface GateCliIo {
  stdout: NodeJS.WritableStream;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  clock?: () => Date;
}

export async function gateCommand(argv: string[], io: GateCliIo): Promise<number> {
  const env = io.env ?? process.env;
  const { values } = parseCommandArgs(argv, OPTIONS, GATE_USAGE);
  if (values.help) {
    io.stdout.write(GATE_USAGE);
    return 0;
  }
  const settings = validateGateRequest({
    workingDirectory: values["working-directory"],
    schema: values.schema,
    fromDatabaseUrl: values["from-database-url"] ?? env.STAGING_DATABASE_URL,
    toDatabaseUrl: values["to-database-url"] ?? env.PRODUCTION_DATABASE_URL,
    soakHours: values["soak-hours"],
    sha: values.sha ?? env.GITHUB_SHA,
    from: values.from,
    to: values.to,
    deploymentTasks: values["deployment-tasks"],
    overrideReason: values["override-reason"],
    overrideActors: values["override-actors"],
  });
  const context = readActionsContext(env);
  const token = env.GITHUB_TOKEN?.trim();
  const github =
    token && context.repository
      ? new GateGitHub(await gateOctokit(token, context.apiUrl, { onRetry: (m) => io.logger.warning(m) }), {
          owner: context.repository.owner,
          repo: context.repository.repo,
        })
      : undefined;
  const actor = env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || undefined;
  const report = await runGate(settings, {
    logger: io.logger,
    ...(io.clock ? { clock: io.clock } : {}),
    ...(github ? { github } : {}),
    ...(actor ? { actor } : {}),
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    commitStatus: !values["no-commit-status"],
  });
  io.stdout.write(values.json ? JSON.stringify(toSoakJson(report.verdict), null, 2) + "\n" : renderGateText(report));
  if (values.json && report.statusError) io.logger.error(report.statusError);
  return gateExitCode(report);
}
