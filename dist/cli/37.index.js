import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
export const id = 37;
export const ids = [37];
export const modules = {

/***/ 5584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ majorOf)
/* harmony export */ });
/* unused harmony export majorFromDeployPayloads */
// A PostgreSQL major from how versions are written: "15", "15.4", 15, "15.18 (Debian 15.18-0+deb12u1)",
// "PostgreSQL 15.4 …" → 15; and the major a migrate-guard deploy recorded in its deployment. Pure.
/** The major, or undefined for anything that is not a PostgreSQL version. */
function majorOf(value) {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    const match = /^(?:PostgreSQL\s+)?(\d{1,3})(?:\.\d+)*(?:beta\d+|rc\d+|devel)?(?:\s|$)/i.exec(text);
    const major = match ? Number(match[1]) : NaN;
    return major >= 9 && major < 100 ? major : undefined;
}
/**
 * The server major of the newest migrate-guard deploy among `deployments` (newest first, as GitHub
 * lists them) that recorded one (`payload.postgres.major`, src/migrate/scope.ts); undefined when none did.
 * GitHub may hand the payload back as a JSON string.
 */
function majorFromDeployPayloads(deployments) {
    for (const { payload } of deployments) {
        let p = payload;
        if (typeof p === "string") {
            try {
                p = JSON.parse(p);
            }
            catch {
                continue;
            }
        }
        const record = typeof p === "object" && p !== null ? p : undefined;
        if (record?.tool !== "migrate-guard" || record.command !== "deploy")
            continue;
        const major = majorOf(record.postgres?.major);
        if (major !== undefined)
            return major;
    }
    return undefined;
}


/***/ }),

/***/ 9118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ prismaError),
/* harmony export */   z: () => (/* binding */ runDeploy)
/* harmony export */ });
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6738);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4296);
/* harmony import */ var _core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8675);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9678);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1106);
/* harmony import */ var _pg_dump_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5659);
/* harmony import */ var _gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9942);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2513);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3920);
// deploy: `prisma migrate deploy` — nothing else — behind the guards. Refusals first (failed migration,
// edited migration, no history, unconfirmed production; nothing changed), then the deployment record,
// the optional backup (read-only, so a failed one leaves the database as it was), the environment stamp,
// a bounded wait for another deploy's lock, Prisma, and the state read back for the report.









function refusalBeforeChange(scope) {
    const { env, loaded, report, settings } = scope;
    if (loaded.dir.foldersWithoutSql.length > 0) {
        return `The migrations directory has folders without migration.sql (${loaded.dir.foldersWithoutSql.join(", ")}); Prisma fails on them. Remove them or add their migration.sql.`;
    }
    if (env.state.failed.length > 0) {
        const f = env.state.failed[0];
        return (`Migration "${f.name}" failed earlier on "${settings.environment.name}" and is still in the failed state (Prisma P3009), so no migration can be deployed until it is resolved. ` +
            `Recorded error: ${(0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .failureSummary */ .jg)(f.logs, 2).replace(/\n/g, " ")} — the recovery steps follow.`);
    }
    if (env.state.checksumMismatch.length > 0) {
        return (`${env.state.checksumMismatch.length} applied migration(s) were edited after they ran on "${settings.environment.name}" (${env.state.checksumMismatch.join(", ")}). ` +
            "What is in the repository is not what the database has: restore the files and put the change into a new migration.");
    }
    if (env.noHistory && env.userTables > 0) {
        return `The database has ${env.userTables} table(s) but no _prisma_migrations history; Prisma would refuse it (P3005). Baseline it with resolve --applied first.`;
    }
    if (report.production && !settings.environment.production) {
        // Production by its stamp, not by configuration: the same typed confirmation applies.
        try {
            (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_7__/* .assertProductionConfirmed */ .pq)({ ...settings.environment, production: true }, settings.confirm);
        }
        catch (error) {
            return `The database is stamped as production. ${error.message}`;
        }
    }
    return undefined;
}
function watchProgress(db, start, total, log) {
    let last = start;
    const timer = setInterval(() => {
        db.countFinished().then((n) => {
            if (n !== last)
                log(`  applied ${n - start}/${total} migrations…`);
            last = n;
        }, () => { });
    }, 2000);
    timer.unref();
    return () => clearInterval(timer);
}
function prismaFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (/advisory lock/i.test(text) && /Timed out/i.test(text)) {
        return "Prisma timed out (after 10 s) waiting for its migration lock (pg_advisory_lock 72707369): another deploy is running on this database. Nothing was applied by this run; deploy again when it has finished.";
    }
    return `prisma migrate deploy failed (exit ${result.code}): ${prismaError(text)}`;
}
/** The error lines of Prisma's output, without its preamble and the engine's backtrace. */
function prismaError(output) {
    const lines = output
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !/^(\d+: |at \S+\.rs:\d+|with migration_name=)/.test(l));
    const i = lines.findIndex((l) => /^Error\b/.test(l));
    return (i >= 0 ? lines.slice(i, i + 6) : lines.slice(-6)).join(" ");
}
async function runDeploy(scope, prisma) {
    const { settings, deps, loaded, db, env, report } = scope;
    const log = (m) => deps.logger.info(m);
    (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .describeState */ .Jw)(scope);
    report.pendingBefore = (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .pendingMigrations */ .Ri)(loaded, env.state.pending);
    if (deps.lint && report.pendingBefore.length > 0) {
        await deps
            .lint(report.pendingBefore, loaded.dir.migrations)
            .catch((e) => report.warnings.push(`The migration linter failed (the deploy goes on without its findings): ${e.message}`));
    }
    const refusal = refusalBeforeChange(scope);
    if (refusal)
        return (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .refuse */ .TR)(report, refusal);
    if (report.production) {
        // The soak gate: staging must have run these migrations long enough. Read-only; a wait or block refuses.
        const context = deps.context ?? {};
        report.gate = await (0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_4__/* .runDeployGate */ .Kr)(settings.gate, settings.environment.name, settings.databaseUrl, report.pendingBefore, {
            logger: deps.logger,
            ...(context.actor ? { actor: context.actor } : {}),
            ...(context.sha ? { sha: context.sha } : {}),
            ...deps.soakGate,
        });
        if (report.gate.refusal)
            return (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .refuse */ .TR)(report, report.gate.refusal);
    }
    const what = report.pendingBefore.length ? `${report.pendingBefore.length} pending migration(s)` : "no pending migrations";
    const record = await (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .openAudit */ .WU)(deps, report, (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .auditRequest */ .zR)(settings, deps, report, report.pendingBefore.map((m) => ({ name: m.name, checksum: m.checksum })), what));
    if (report.refused)
        return report;
    const secrets = (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .urlSecrets */ .Fn)(settings.databaseUrl);
    try {
        // The backup first: it only reads, so a failed backup leaves the database exactly as it was.
        if (settings.backup) {
            log(`Backing up ${report.database} to ${settings.backup.file} before deploying…`);
            report.backup = await (0,_pg_dump_js__WEBPACK_IMPORTED_MODULE_3__/* .backupDatabase */ ._h)(settings.databaseUrl, settings.backup.file, await db.serverMajor(), (line) => deps.logger.debug(`pg_dump: ${line}`));
            log(`Backup written: ${report.backup.file} (${report.backup.bytes} bytes, ${report.backup.durationMs} ms, pg_dump ${report.backup.pgDump}).`);
        }
        if (!env.stamp) {
            const context = deps.context ?? {};
            const { stamp, created } = await db.writeStampIfAbsent({
                name: settings.environment.name,
                normalized: settings.environment.normalized,
                production: report.production,
                ...(context.actor ? { stampedBy: context.actor } : {}),
                ...(context.repository ? { repository: context.repository } : {}),
                ...(context.runUrl ? { runUrl: context.runUrl } : {}),
            });
            report.stamp = stamp;
            report.stampCreated = created;
            const decision = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_7__/* .compareStamp */ .Vp)(settings.environment, stamp);
            // Another first deploy, for another environment, stamped it a moment earlier.
            if (decision.kind === "mismatch")
                throw new Error(decision.reason);
            if (created)
                log(`Stamped the database as environment "${stamp.name}"${stamp.production ? " (production)" : ""}: runs for any other environment will be refused.`);
        }
        const holder = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForMigrationLock */ .o)(db, settings.lockTimeoutSeconds, log);
        if (holder) {
            report.lockHolder = holder;
            throw new Error((0,_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .lockTimeoutMessage */ .w)(holder, settings.lockTimeoutSeconds));
        }
        const before = await db.countFinished();
        log(`Running prisma migrate deploy (Prisma ${prisma.version}) for ${what}…`);
        const stop = watchProgress(db, before, report.pendingBefore.length, log);
        let result;
        try {
            result = await prisma.deploy(settings.databaseUrl, (line) => deps.logger.info(`prisma: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .redact */ .E)(line, secrets)}`));
        }
        finally {
            stop();
        }
        await (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .readBack */ .e7)(settings, loaded, report);
        const names = (0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDeployOutput */ .oK)(result.stdout) ?? env.state.pending.filter((n) => report.state?.applied.some((a) => a.name === n));
        report.appliedNow = names.map((name) => {
            const a = report.state?.applied.find((m) => m.name === name);
            return { name, durationMs: a?.durationMs ?? 0, slow: a?.slow ?? false };
        });
        for (const a of report.appliedNow) {
            if (a.slow)
                report.warnings.push(`🚩 Slow migration: "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (limit ${settings.slowMigrationSeconds} s). It held its locks that long.`);
        }
        if (result.code !== 0) {
            const failed = report.state?.failed.find((f) => !env.state.failed.some((g) => g.name === f.name));
            report.error = failed
                ? `Migration "${failed.name}" failed on "${settings.environment.name}": ${(0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .failureSummary */ .jg)(failed.logs)}`
                : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .redact */ .E)(prismaFailure(result), secrets);
            if (report.state?.failed.length)
                report.recovery = (0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .recoverySteps */ .F4)(report.state.failed, settings.environment.name);
        }
        else if (report.stateUnknown) {
            report.error = `Prisma reported success, but the final state could not be read: ${report.stateUnknown}`;
        }
        report.ok = !report.error;
    }
    catch (error) {
        report.error = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .redact */ .E)(error instanceof Error ? error.message : String(error), secrets);
        report.ok = false;
    }
    finally {
        if (report.error)
            deps.logger.error(report.error);
        await (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .closeAudit */ .SZ)(record, report, deps.logger);
    }
    return report;
}


/***/ }),

/***/ 494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ lintPending)
/* harmony export */ });
async function lintPending(pending, all) {
    const { lint } = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 5323));
    const names = new Set(pending.map((p) => p.name));
    const result = await lint({
        migrations: all.map((m) => ({ name: m.name, file: m.file, sql: m.sql })),
        shouldLint: (name) => names.has(name),
        groupOf: (name) => (names.has(name) ? "pending" : name),
        completeHistory: true,
    });
    for (const p of pending)
        p.lint = [];
    for (const f of result.findings)
        pending
            .find((p) => p.name === f.migration)
            ?.lint?.push({ rule: f.rule, severity: f.severity, message: `line ${f.line}: ${f.message}` });
}


/***/ }),

/***/ 1106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ waitForMigrationLock),
/* harmony export */   w: () => (/* binding */ lockTimeoutMessage)
/* harmony export */ });
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3920);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (bounded) while another session holds Prisma's migration lock; returns the holder if it never let go. */
async function waitForMigrationLock(db, timeoutSeconds, log) {
    let holder = await db.migrationLockHolder();
    if (!holder)
        return undefined;
    log(`Another deploy holds Prisma's migration lock (${(0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLockHolder */ .HR)(holder)}); waiting up to ${timeoutSeconds} s for it to finish…`);
    const deadline = Date.now() + timeoutSeconds * 1000;
    while (holder && Date.now() < deadline) {
        await sleep(Math.min(1000, Math.max(50, deadline - Date.now())));
        holder = await db.migrationLockHolder();
    }
    if (!holder)
        log("The migration lock was released.");
    return holder;
}
function lockTimeoutMessage(holder, timeoutSeconds) {
    return `Another deploy still holds Prisma's migration lock after ${timeoutSeconds} s (${(0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLockHolder */ .HR)(holder)}). Nothing was changed by this run; run it again when that deploy has finished (lock-timeout-seconds sets the wait).`;
}


/***/ }),

/***/ 6677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ renderMigrateText)
/* harmony export */ });
/* unused harmony export renderMigrateMarkdown */
/* harmony import */ var _report_markdown_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7141);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3423);
/* harmony import */ var _gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9942);
// The migrate report as CLI text and as the job summary (Markdown): who, what, when, how long; what was
// pending with its SQL; what was applied and how long each took (🚩 above slow-migration-seconds); and,
// when something is wrong, why and the exact way out. Pure.




const MAX_SQL_CHARS = 20_000;
const MAX_TOTAL_SQL_CHARS = 400_000;
function outcomeIcon(report) {
    if (report.refused)
        return "⛔";
    return report.ok ? "✅" : "❌";
}
function renderMigrateText(report) {
    const lines = [];
    lines.push(`${report.ok ? "✔" : "✖"} ${(0,_report_js__WEBPACK_IMPORTED_MODULE_1__/* .headline */ .Pl)(report)}`);
    lines.push(`  database   ${report.database}${report.postgresVersion ? ` (PostgreSQL ${report.postgresVersion})` : ""}${report.production ? " — production" : ""}`);
    if (report.stamp)
        lines.push(`  identity   "${report.stamp.name}"${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""}`);
    else if (!report.refused && !report.error)
        lines.push("  identity   not stamped yet (the first deploy stamps it)");
    const s = report.state;
    if (s) {
        lines.push(`  applied    ${s.applied.length}${s.applied.some((a) => a.slow)
            ? ` (🚩 slow: ${s.applied
                .filter((a) => a.slow)
                .map((a) => a.name)
                .join(", ")})`
            : ""}`);
        lines.push(`  pending    ${s.pending.length}${s.pending.length ? `: ${s.pending.join(", ")}` : ""}`);
        if (s.failed.length)
            lines.push(`  failed     ${s.failed.map((f) => f.name).join(", ")}`);
        if (s.rolledBack.length)
            lines.push(`  rolled back ${s.rolledBack.join(", ")}`);
        if (s.checksumMismatch.length)
            lines.push(`  edited after apply ${s.checksumMismatch.join(", ")}`);
        if (s.missingFromRepo.length)
            lines.push(`  not in repository ${s.missingFromRepo.join(", ")}`);
    }
    else if (report.stateUnknown) {
        lines.push(`  state      unknown: ${report.stateUnknown}`);
    }
    for (const a of report.appliedNow ?? [])
        lines.push(`  ${a.slow ? "🚩" : "✔"} ${a.name}  ${(0,_report_markdown_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(a.durationMs)}`);
    if (report.resolved)
        lines.push(`  resolved   ${report.resolved.name} → ${report.resolved.kind}${report.resolved.via === "migrate-guard" ? " (row updated by migrate-guard: Prisma could not run without its native engine)" : ""}`);
    if (report.backup)
        lines.push(`  backup     ${report.backup.file} (${report.backup.bytes} bytes, pg_dump ${report.backup.pgDump})`);
    if (report.deployment)
        lines.push(`  deployment ${report.deployment.id}${report.deployment.url ? ` ${report.deployment.url}` : ""}`);
    if (report.gate && (0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_0__/* .gateLine */ .C_)(report.gate))
        lines.push(`  soak gate  ${(0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_0__/* .gateLine */ .C_)(report.gate)}`);
    if (report.refused)
        lines.push("", `refused: ${report.refused}`);
    if (report.error)
        lines.push("", `error: ${report.error}`);
    for (const w of report.warnings)
        lines.push(`warning: ${w}`);
    if (report.recovery.length)
        lines.push("", "How to recover:", ...report.recovery.map((r) => `  ${r}`));
    lines.push("", `${report.command} took ${(0,_report_markdown_text_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(report.durationMs)}.`);
    return lines.join("\n") + "\n";
}
function renderMigrateMarkdown(report, options = {}) {
    const out = [];
    out.push(`## ${outcomeIcon(report)} ${inline(options.title ?? `migrate-guard ${report.command}: ${headline(report)}`)}`, "");
    const run = safeUrl(report.runUrl);
    const deployment = report.deployment
        ? safeUrl(report.deployment.url)
            ? `[#${report.deployment.id}](${safeUrl(report.deployment.url)})`
            : `#${report.deployment.id}`
        : "none";
    out.push("| | |", "| --- | --- |");
    out.push(`| Environment | ${cell(report.environment)}${report.production ? " (production)" : ""} |`);
    out.push(`| Database | ${code(report.database, { inTable: true })}${report.postgresVersion ? ` PostgreSQL ${cell(report.postgresVersion)}` : ""} |`);
    const major = report.postgresVersion ? majorOf(report.postgresVersion) : undefined;
    if (major !== undefined)
        out.push(`| PostgreSQL major | ${major} — verify runs on it with \`postgres-version: ${major}\` |`);
    out.push(`| Who | ${report.actor ? cell(report.actor) : "unknown"} |`);
    out.push(`| When | ${report.startedAt.toISOString()} |`);
    out.push(`| How long | ${formatDuration(report.durationMs)} |`);
    if (report.command !== "status")
        out.push(`| Deployment | ${deployment} |`);
    if (run)
        out.push(`| Run | [log](${run}) |`);
    if (report.prismaVersion)
        out.push(`| Prisma | ${cell(report.prismaVersion)} |`);
    if (report.stamp)
        out.push(`| Database identity | ${cell(report.stamp.name)}${report.stamp.production ? " (production)" : ""}, stamped ${report.stamp.stampedAt.toISOString()}${report.stampCreated ? " by this run" : ""} |`);
    if (report.backup)
        out.push(`| Backup | ${code(report.backup.file, { inTable: true })} (${report.backup.bytes} bytes, ${formatDuration(report.backup.durationMs)}) |`);
    if (report.gate && gateLine(report.gate))
        out.push(`| Soak gate | ${cell(gateLine(report.gate))} |`);
    out.push("");
    if (report.refused)
        out.push(`> [!CAUTION]`, `> **Refused — nothing was changed.** ${inline(report.refused)}`, "");
    if (report.error)
        out.push(`> [!WARNING]`, `> **${report.ok ? "Problem" : "Failed"}.** ${inline(report.error)}`, "");
    if (report.recovery.length)
        out.push("### How to recover", "", ...report.recovery.map((r) => `- ${inline(r)}`), "");
    if (report.appliedNow) {
        out.push(`### Applied by this run (${report.appliedNow.length})`, "");
        if (report.appliedNow.length === 0)
            out.push("Nothing: there were no pending migrations when Prisma ran.", "");
        else {
            out.push("| Migration | Duration | |", "| --- | --- | --- |");
            for (const a of report.appliedNow)
                out.push(`| ${code(a.name, { inTable: true })} | ${formatDuration(a.durationMs)} | ${a.slow ? `🚩 slower than ${report.slowMigrationSeconds} s` : ""} |`);
            out.push("");
        }
    }
    if (report.resolved)
        out.push(`### Resolved`, "", `${code(report.resolved.name)} is now marked **${report.resolved.kind}**.`, "");
    if (report.pendingBefore && report.pendingBefore.length > 0) {
        out.push(`### Pending before the deploy (${report.pendingBefore.length})`, "");
        let budget = MAX_TOTAL_SQL_CHARS;
        for (const m of report.pendingBefore) {
            // The linter reports Prisma's header warnings itself; without it they are shown as they are.
            const notes = m.lint
                ? m.lint.map((f) => `${f.severity === "error" ? "❌" : f.severity === "warning" ? "⚠️" : "ℹ️"} ${code(f.rule)}: ${inline(f.message)}`)
                : m.warnings.map((w) => `⚠️ Prisma: ${inline(w)}`);
            const sql = clip(m.sql, Math.max(0, Math.min(MAX_SQL_CHARS, budget)));
            budget -= sql.length;
            const fence = blockFence(sql);
            const verdict = notes.length ? ` — ${plural(notes.length, "finding")}` : m.lint ? " — lint: no findings" : "";
            out.push(`<details${notes.length ? " open" : ""}><summary><code>${inline(m.name)}</code>${verdict}</summary>`, "");
            if (notes.length)
                out.push(...notes.map((n) => `- ${n}`), "");
            out.push(`${fence}sql`, sql, fence, "", "</details>", "");
        }
    }
    const s = report.state;
    if (s) {
        out.push("### State of the environment", "");
        out.push("| | Migrations |", "| --- | --- |");
        const list = (names) => (names.length ? names.map((n) => code(n, { inTable: true })).join(", ") : "–");
        out.push(`| Applied | ${s.applied.length} |`);
        out.push(`| Pending | ${list(s.pending)} |`);
        out.push(`| Failed | ${list(s.failed.map((f) => f.name))} |`);
        if (s.rolledBack.length)
            out.push(`| Rolled back | ${list(s.rolledBack)} |`);
        out.push(`| Edited after apply | ${list(s.checksumMismatch)} |`);
        if (s.missingFromRepo.length)
            out.push(`| Not in this repository | ${list(s.missingFromRepo)} |`);
        const slow = s.applied.filter((a) => a.slow);
        if (slow.length)
            out.push(`| 🚩 Slow (> ${report.slowMigrationSeconds} s) | ${slow.map((a) => `${code(a.name, { inTable: true })} ${formatDuration(a.durationMs)}`).join(", ")} |`);
        out.push("");
    }
    else if (report.stateUnknown) {
        out.push("### State of the environment", "", `Unknown: ${inline(report.stateUnknown)}`, "");
    }
    if (report.warnings.length)
        out.push("### Warnings", "", ...report.warnings.map((w) => `- ${inline(w)}`), "");
    return out.join("\n");
}


/***/ }),

/***/ 3423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I$: () => (/* binding */ exitCode),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   UN: () => (/* binding */ prismaWarnings),
/* harmony export */   r2: () => (/* binding */ toMigrateJson)
/* harmony export */ });
/** The --json document and the action's `report` output. The first seven keys are the contract. */
function toMigrateJson(report) {
    const state = report.state;
    return {
        ok: report.ok,
        environment: report.environment,
        pending: state?.pending ?? [],
        applied: (state?.applied ?? []).map((a) => ({
            name: a.name,
            checksum: a.checksum,
            finishedAt: a.finishedAt.toISOString(),
            durationMs: a.durationMs,
        })),
        failed: (state?.failed ?? []).map((f) => f.name),
        checksumMismatch: state?.checksumMismatch ?? [],
        refused: report.refused,
        command: report.command,
        production: report.production,
        database: report.database,
        rolledBack: state?.rolledBack ?? [],
        missingFromRepo: state?.missingFromRepo ?? [],
        slow: (state?.applied ?? []).filter((a) => a.slow).map((a) => a.name),
        appliedNow: report.appliedNow ?? [],
        resolved: report.resolved ?? null,
        stamp: report.stamp
            ? {
                name: report.stamp.name,
                production: report.stamp.production,
                stampedAt: report.stamp.stampedAt.toISOString(),
                created: Boolean(report.stampCreated),
            }
            : null,
        backup: report.backup ?? null,
        deployment: report.deployment ?? null,
        soakGate: report.gate
            ? report.gate.verdict
                ? {
                    decision: report.gate.verdict.decision,
                    remainingSeconds: report.gate.verdict.remainingSeconds,
                    earliestPassAt: report.gate.verdict.earliestPassAt?.toISOString() ?? null,
                    reasons: report.gate.verdict.reasons,
                    override: report.gate.verdict.override ?? null,
                }
                : { skipped: report.gate.skipped ?? null }
            : null,
        stateUnknown: report.stateUnknown ?? null,
        error: report.error ?? null,
        warnings: report.warnings,
        recovery: report.recovery,
        durationMs: report.durationMs,
    };
}
/** Exit code of the CLI: 0 success, 1 refused or failed. (2 never reaches a report: it is thrown.) */
function exitCode(report) {
    return report.ok ? 0 : 1;
}
/** One line for logs, deployment status descriptions and the summary's title. */
function headline(report) {
    const env = `"${report.environment}"`;
    if (report.refused)
        return `${report.command} on ${env} refused: nothing was changed`;
    if (report.error)
        return `${report.command} on ${env} failed`;
    const s = report.state;
    switch (report.command) {
        case "deploy": {
            const n = report.appliedNow?.length ?? 0;
            return n === 0 ? `No pending migrations on ${env}` : `${n} migration${n === 1 ? "" : "s"} applied to ${env}`;
        }
        case "resolve":
            return report.resolved ? `${report.resolved.name} marked ${report.resolved.kind} on ${env}` : `resolve on ${env}`;
        default:
            if (!s)
                return `Status of ${env}`;
            if (!report.ok)
                return `${env} needs attention: ${[s.failed.length ? `${s.failed.length} failed` : "", s.checksumMismatch.length ? `${s.checksumMismatch.length} edited after apply` : ""].filter(Boolean).join(", ")}`;
            return `${env}: ${s.applied.length} applied, ${s.pending.length} pending`;
    }
}
/** Prisma's generated header: `/* Warnings: - You are about to drop … *\/`. */
function prismaWarnings(sql) {
    const block = /\/\*([\s\S]*?)\*\//.exec(sql);
    if (!block || !/Warnings:/i.test(block[1] ?? ""))
        return [];
    return (block[1] ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.startsWith("- "))
        .map((l) => l.slice(2).trim());
}


/***/ }),

/***/ 5057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ whereIs),
/* harmony export */   y: () => (/* binding */ runResolve)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9678);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9118);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1106);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2513);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3920);
// resolve: `prisma migrate resolve --rolled-back NAME | --applied NAME`, the two ways out of Prisma's
// failed-migration state. Refused (nothing changed) when the migration is not in a state the resolution
// applies to; confirmed by typing the migration's name (checked in settings.ts).






/** Where a migration stands, in words, for refusals. */
function whereIs(state, name, inRepo) {
    const applied = state.applied.find((a) => a.name === name);
    if (applied)
        return `it is applied (finished ${applied.finishedAt.toISOString()})`;
    if (state.failed.some((f) => f.name === name))
        return "it is in the failed state";
    if (state.rolledBack.includes(name))
        return "its failed attempt is already marked rolled back (it is pending again)";
    if (state.pending.includes(name))
        return "it is pending (never started on this database)";
    return inRepo ? "the database has no record of it" : "neither the repository nor the database has a migration of that name";
}
function refusal(scope) {
    const { settings, env, loaded } = scope;
    const { name, kind } = settings.resolve;
    const inRepo = loaded.dir.migrations.some((m) => m.name === name);
    const env_ = settings.environment.name;
    if (kind === "rolled-back") {
        if (env.state.failed.some((f) => f.name === name))
            return undefined;
        const failed = env.state.failed.map((f) => f.name);
        return (`--rolled-back is only for a migration in the failed state, and "${name}" is not: ${whereIs(env.state, name, inRepo)} on "${env_}". ` +
            (failed.length ? `Failed migration(s) there: ${failed.join(", ")}.` : `"${env_}" has no failed migration; nothing needs resolving.`));
    }
    if (env.state.applied.some((a) => a.name === name))
        return `--applied: "${name}" is already applied on "${env_}" (${whereIs(env.state, name, inRepo)}); nothing to record.`;
    return undefined;
}
async function runResolve(scope, prisma) {
    const { settings, deps, loaded, db, report } = scope;
    const { name, kind } = settings.resolve;
    (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .describeState */ .Jw)(scope);
    const reason = refusal(scope);
    if (reason)
        return (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .refuse */ .TR)(report, reason);
    const checksum = loaded.dir.migrations.find((m) => m.name === name)?.checksum ?? "";
    const record = await (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .openAudit */ .WU)(deps, report, (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .auditRequest */ .zR)(settings, deps, report, [{ name, checksum }], `mark ${name} ${kind}`));
    if (report.refused)
        return report;
    const secrets = (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSecrets */ .Fn)(settings.databaseUrl);
    try {
        const holder = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForMigrationLock */ .o)(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
        if (holder)
            throw new Error((0,_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .lockTimeoutMessage */ .w)(holder, settings.lockTimeoutSeconds));
        deps.logger.info(`Running prisma migrate resolve --${kind} ${name} (Prisma ${prisma.version})…`);
        const result = await prisma.resolve(settings.databaseUrl, kind, name, (line) => deps.logger.info(`prisma: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(line, secrets)}`));
        let via = "prisma";
        const output = `${result.stderr}\n${result.stdout}`;
        if (result.code !== 0 &&
            kind === "rolled-back" &&
            /Could not find schema-engine binary/i.test(output) &&
            loaded.project.configHints?.usesAdapter) {
            // Prisma 6.19 checks the connection of `resolve --rolled-back` with the native schema engine even
            // when the project migrates through a driver adapter, so without that binary it stops before doing
            // anything. The change itself is one guarded row update; it is made exactly as the engine makes it.
            deps.logger.warning(`Prisma ${prisma.version} could not run resolve --rolled-back through the project's driver adapter (it looks for the native schema engine, which is not installed). migrate-guard marks the failed attempt rolled back itself, as Prisma's engine does.`);
            const rows = await db.markRolledBack(name);
            if (rows === 0)
                throw new Error(`"${name}" was no longer in the failed state when it was to be marked rolled back; nothing was changed.`);
            via = "migrate-guard";
        }
        else if (result.code !== 0) {
            throw new Error(`prisma migrate resolve --${kind} ${name} failed (exit ${result.code}): ${(0,_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .prismaError */ .b)(output)}`);
        }
        await (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .readBack */ .e7)(settings, loaded, report);
        const after = report.state;
        const done = after && (kind === "rolled-back" ? !after.failed.some((f) => f.name === name) : after.applied.some((a) => a.name === name));
        if (!after)
            throw new Error(`The resolution ran, but its result could not be read back: ${report.stateUnknown ?? "unknown"}`);
        if (!done)
            throw new Error(`Prisma reported success, but "${name}" is not ${kind === "rolled-back" ? "out of the failed state" : "recorded as applied"} afterwards.`);
        report.resolved = { name, kind, via };
        report.recovery = [];
        report.ok = true;
        deps.logger.info(kind === "rolled-back"
            ? `"${name}" is marked rolled back on "${settings.environment.name}": fix it if needed, then deploy.`
            : `"${name}" is recorded as applied on "${settings.environment.name}".`);
    }
    catch (error) {
        report.error = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(error instanceof Error ? error.message : String(error), secrets);
        report.ok = false;
        deps.logger.error(report.error);
    }
    finally {
        await (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .closeAudit */ .SZ)(record, report, deps.logger);
    }
    return report;
}


/***/ }),

/***/ 7032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ runMigrate)
/* harmony export */ });
/* harmony import */ var _core_environment_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6738);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);
/* harmony import */ var _postgres_database_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2514);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9678);
/* harmony import */ var _deploy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9118);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1106);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5057);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2513);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3920);
// A status, deploy or resolve run against one environment's database. The order is what makes refusals
// safe: settings were validated before (settings.ts), then the repository and the database are only
// read; every refusal happens there and changes nothing (no database write, no deployment record). A
// deployment record is opened only right before the first change. No @actions imports.









async function runMigrate(settings, deps) {
    const startedAt = new Date();
    const context = deps.context ?? {};
    const report = {
        ok: false,
        command: settings.command,
        environment: settings.environment.name,
        production: settings.environment.production,
        database: (0,_postgres_database_js__WEBPACK_IMPORTED_MODULE_0__/* .describeUrl */ .Ng)(settings.databaseUrl),
        refused: null,
        warnings: [],
        recovery: [],
        slowMigrationSeconds: settings.slowMigrationSeconds,
        startedAt,
        durationMs: 0,
        ...(context.actor ? { actor: context.actor } : {}),
        ...(context.runUrl ? { runUrl: context.runUrl } : {}),
    };
    const loaded = await (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .loadProject */ .gi)(settings.workingDirectory, settings.schema);
    const prisma = settings.command === "status" ? undefined : (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .projectPrisma */ .ud)(loaded, Boolean(settings.schema));
    if (prisma)
        report.prismaVersion = prisma.version;
    if (settings.resolve?.kind === "applied" && !loaded.dir.migrations.some((m) => m.name === settings.resolve.name)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j(`--applied ${settings.resolve.name}: there is no migration of that name in ${loaded.dir.dir} (with a migration.sql). Expected one of the folder names, e.g. ${loaded.dir.migrations.at(-1)?.name ?? "20240101120000_init"}.`);
    }
    deps.logger.info(`${settings.command} for environment "${settings.environment.name}" at ${report.database}: ${loaded.dir.migrations.length} migrations in ${loaded.dir.dir}.`);
    let db;
    try {
        db = await _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentDatabase */ .DK.connect(settings.databaseUrl);
    }
    catch (error) {
        if (!(error instanceof _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .DatabaseConnectionError */ .GB))
            throw error;
        return failWithRecord(settings, deps, report, error.message, "could not reach the database");
    }
    try {
        let env;
        try {
            env = await (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .readEnvironmentState */ .Jp)(db, loaded, settings.slowMigrationSeconds);
        }
        catch (error) {
            return failWithRecord(settings, deps, report, `Could not read the migration state of ${report.database}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .redact */ .E)(errorMessage(error), (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_1__/* .urlSecrets */ .Fn)(settings.databaseUrl))}`, "could not read the database");
        }
        if (settings.command !== "status" && env.lockHolder) {
            // A deploy is running: its unfinished migration is not a failed one. Wait for it, then decide on
            // the state it leaves behind.
            const holder = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForMigrationLock */ .o)(db, settings.lockTimeoutSeconds, (m) => deps.logger.info(m));
            if (holder) {
                report.lockHolder = holder;
                return failWithRecord(settings, deps, report, (0,_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .lockTimeoutMessage */ .w)(holder, settings.lockTimeoutSeconds), "another deploy holds the migration lock");
            }
            env = await (0,_state_js__WEBPACK_IMPORTED_MODULE_6__/* .readEnvironmentState */ .Jp)(db, loaded, settings.slowMigrationSeconds);
        }
        report.state = env.state;
        report.postgresVersion = env.postgresVersion;
        if (env.noHistory)
            report.noHistory = true;
        if (env.stamp)
            report.stamp = env.stamp;
        if (env.lockHolder)
            report.lockHolder = env.lockHolder;
        const decision = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_8__/* .compareStamp */ .Vp)(settings.environment, env.stamp);
        if (decision.kind === "mismatch") {
            // The state belongs to another environment's database: it is not this environment's to show.
            delete report.state;
            return finish((0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .refuse */ .TR)(report, decision.reason));
        }
        report.production = (0,_core_environment_js__WEBPACK_IMPORTED_MODULE_8__/* .isProductionRun */ .vY)(settings.environment, env.stamp);
        const scope = { settings, deps, loaded, db, env, report };
        if (settings.command === "status")
            return finish(statusOutcome(scope));
        if (settings.command === "deploy")
            return finish(await (0,_deploy_js__WEBPACK_IMPORTED_MODULE_2__/* .runDeploy */ .z)(scope, prisma));
        return finish(await (0,_resolve_js__WEBPACK_IMPORTED_MODULE_4__/* .runResolve */ .y)(scope, prisma));
    }
    finally {
        await db.close();
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
function finish(report) {
    report.durationMs = Date.now() - report.startedAt.getTime();
    return report;
}
/**
 * The database could not be reached or read, or a running deploy never let go of its lock. A change that
 * was asked for is recorded as a failed deployment (the environment's history shows the attempt); status
 * records nothing.
 */
async function failWithRecord(settings, deps, report, message, what) {
    report.error = message;
    deps.logger.error(message);
    if (settings.command !== "status") {
        const record = await (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .openAudit */ .WU)(deps, report, (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .auditRequest */ .zR)(settings, deps, report, [], what));
        if (record)
            await (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .closeAudit */ .SZ)(record, report, deps.logger);
        // A failure to create the record must not hide the real problem: the connection error stays the error.
        if (report.refused) {
            report.warnings.push(report.refused);
            report.refused = null;
        }
    }
    return finish(report);
}
function statusOutcome(scope) {
    const { report, env } = scope;
    (0,_scope_js__WEBPACK_IMPORTED_MODULE_5__/* .describeState */ .Jw)(scope);
    // While a deploy holds the lock, an unfinished migration is being applied, not failed.
    const failed = env.lockHolder ? 0 : env.state.failed.length;
    const problems = [
        ...(failed ? [`${failed} failed migration(s)`] : []),
        ...(env.state.checksumMismatch.length ? [`${env.state.checksumMismatch.length} migration(s) edited after apply`] : []),
    ];
    report.ok = problems.length === 0;
    if (!report.ok)
        report.error = `The environment needs attention: ${problems.join(", ")}.`;
    return report;
}


/***/ }),

/***/ 2513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jw: () => (/* binding */ describeState),
/* harmony export */   SZ: () => (/* binding */ closeAudit),
/* harmony export */   TR: () => (/* binding */ refuse),
/* harmony export */   WU: () => (/* binding */ openAudit),
/* harmony export */   zR: () => (/* binding */ auditRequest)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8675);
/* harmony import */ var _gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9942);
/* harmony import */ var _core_postgres_major_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5584);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3423);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3920);
// What a run has read so far and the helpers deploy and resolve share to end it: refusing, opening
// and closing the audit record, and the findings every command reports about the state it read.






/** Marks the report refused: nothing was changed. */
function refuse(report, reason) {
    report.ok = false;
    report.refused = reason;
    return report;
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** An override or opt-out of the soak gate, for the deployment's descriptions (a reviewer reads them later). */
function gateNote(report) {
    return report.gate && (report.gate.verdict?.override || report.gate.skipped) ? ` — ${(0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .gateLine */ .C_)(report.gate)}` : "";
}
function auditRequest(settings, deps, report, migrations, what) {
    const context = deps.context ?? {};
    const action = settings.resolve ? `resolve --${settings.resolve.kind} ${settings.resolve.name}` : "deploy";
    return {
        environment: settings.environment.name,
        production: report.production,
        task: "deploy:migrations",
        description: `migrate-guard ${action}: ${what}${settings.reason ? ` — ${settings.reason}` : ""}${gateNote(report)}`,
        payload: {
            tool: "migrate-guard",
            command: settings.command,
            ...(settings.resolve ? { resolve: settings.resolve } : {}),
            ...(settings.reason ? { reason: settings.reason } : {}),
            ...(report.gate && (0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .gatePayload */ .OO)(report.gate) ? { soakGate: (0,_gate_deploy_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .gatePayload */ .OO)(report.gate) } : {}),
            migrations,
            database: report.database,
            // The server's major, so that verify can run on production's (postgres-version: production).
            ...(report.postgresVersion ? { postgres: { major: (0,_core_postgres_major_js__WEBPACK_IMPORTED_MODULE_3__/* .majorOf */ .D)(report.postgresVersion) ?? null, version: report.postgresVersion } } : {}),
            actor: context.actor ?? null,
            runUrl: context.runUrl ?? null,
            sha: context.sha ?? null,
        },
    };
}
/**
 * Opens the audit record, or refuses the run when it cannot be opened: a change to an environment is
 * never made without its record. Undefined when the caller keeps no audit trail (the CLI).
 */
async function openAudit(deps, report, request) {
    if (!deps.audit)
        return undefined;
    try {
        const record = await deps.audit.start(request);
        report.deployment = { id: record.id, ...(record.url ? { url: record.url } : {}) };
        deps.logger.info(`Recorded as GitHub deployment ${record.id} (environment "${request.environment}", in progress).`);
        return record;
    }
    catch (error) {
        refuse(report, `The ${report.command} could not be recorded as a GitHub deployment, so nothing was changed. ${errorMessage(error)}`);
        return undefined;
    }
}
async function closeAudit(record, report, logger) {
    if (!record)
        return;
    const firstProblem = (report.error ?? report.refused ?? "").split("\n")[0] ?? "";
    const description = report.ok ? `${(0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .headline */ .Pl)(report)}${gateNote(report)}` : `${(0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .headline */ .Pl)(report)}: ${firstProblem}`;
    try {
        await record.finish(report.ok ? "success" : "failure", (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(description));
    }
    catch (error) {
        const message = `Could not set the final status of GitHub deployment ${record.id}: ${errorMessage(error)}`;
        report.warnings.push(message);
        logger.warning(message);
    }
}
/** Findings every command reports about the state it read. */
function describeState(scope) {
    const { env, report, settings } = scope;
    const state = env.state;
    for (const name of state.checksumMismatch) {
        const file = scope.loaded.dir.migrations.find((m) => m.name === name)?.file ?? name;
        report.warnings.push(`Migration "${name}" was edited after it was applied to "${settings.environment.name}": ${file} no longer matches the checksum recorded when it ran. ` +
            `Restore the file as it was applied (\`git log -p -- ${file}\`) and put the change into a new migration.`);
    }
    if (state.missingFromRepo.length > 0) {
        report.warnings.push(`The database has ${state.missingFromRepo.length} migration(s) this repository does not: ${state.missingFromRepo.join(", ")}. They were deployed from another branch or commit, or their folders were deleted.`);
    }
    for (const a of state.applied.filter((m) => m.slow)) {
        report.warnings.push(`🚩 Migration "${a.name}" took ${(a.durationMs / 1000).toFixed(1)} s on "${settings.environment.name}" (slow-migration-seconds ${settings.slowMigrationSeconds}).`);
    }
    if (env.noHistory && env.userTables > 0) {
        report.warnings.push(`The database has ${env.userTables} table(s) but no _prisma_migrations history: Prisma refuses to deploy to it (P3005). Baseline it first: ` +
            `record the migrations its schema already contains with resolve --applied NAME (one run per migration), then deploy.`);
    }
    if (env.lockHolder) {
        const running = state.failed.map((f) => f.name);
        report.warnings.push(`A deploy is running right now (Prisma's migration lock is held by ${(0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .describeLockHolder */ .HR)(env.lockHolder)})${running.length ? `; being applied: ${running.join(", ")}` : ""}.`);
    }
    else if (state.failed.length > 0) {
        report.recovery.push(...(0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .recoverySteps */ .F4)(state.failed, settings.environment.name));
    }
}


/***/ }),

/***/ 3920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* binding */ describeLockHolder),
/* harmony export */   Jp: () => (/* binding */ readEnvironmentState),
/* harmony export */   Ri: () => (/* binding */ pendingMigrations),
/* harmony export */   e7: () => (/* binding */ readBack),
/* harmony export */   gi: () => (/* reexport safe */ _prisma_load_project_js__WEBPACK_IMPORTED_MODULE_3__.g),
/* harmony export */   ud: () => (/* binding */ projectPrisma)
/* harmony export */ });
/* harmony import */ var _core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8675);
/* harmony import */ var _prisma_cli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9086);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
/* harmony import */ var _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9678);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3423);
/* harmony import */ var _prisma_load_project_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2178);






function projectPrisma(loaded, explicitSchema) {
    const { project } = loaded;
    return (0,_prisma_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .findPrismaCli */ .WO)({
        workingDirectory: project.workingDirectory,
        schemaPath: project.schemaPath,
        urlVariables: project.urlVariables,
        explicitSchema,
    });
}
async function readEnvironmentState(db, loaded, slowMigrationSeconds) {
    const [stamp, records, userTables, lockHolder, postgresVersion] = [
        await db.readStamp(),
        await db.readMigrationRecords(),
        await db.countUserTables(),
        await db.migrationLockHolder(),
        await db.serverVersion(),
    ];
    return {
        ...(stamp ? { stamp } : {}),
        state: (0,_core_migration_state_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyMigrations */ .YG)(loaded.dir.migrations, records ?? [], slowMigrationSeconds),
        noHistory: records === undefined,
        userTables,
        ...(lockHolder ? { lockHolder } : {}),
        postgresVersion,
    };
}
function pendingMigrations(loaded, names) {
    const byName = new Map(loaded.dir.migrations.map((m) => [m.name, m]));
    return names.flatMap((name) => {
        const m = byName.get(name);
        return m ? [{ name, checksum: m.checksum, file: m.file, sql: m.sql, warnings: (0,_report_js__WEBPACK_IMPORTED_MODULE_4__/* .prismaWarnings */ .UN)(m.sql) }] : [];
    });
}
function describeLockHolder(holder) {
    const parts = [`pid ${holder.pid}`];
    if (holder.application)
        parts.push(`application "${holder.application}"`);
    if (holder.client)
        parts.push(`from ${holder.client}`);
    if (holder.since)
        parts.push(`since ${holder.since.toISOString()}`);
    return parts.join(", ");
}
/** The state after the change, from a fresh connection (the first may have died with the server). */
async function readBack(settings, loaded, report) {
    try {
        const db = await _postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentDatabase */ .DK.connect(settings.databaseUrl);
        try {
            const after = await readEnvironmentState(db, loaded, settings.slowMigrationSeconds);
            report.state = after.state;
            if (after.stamp)
                report.stamp = after.stamp;
        }
        finally {
            await db.close();
        }
    }
    catch (error) {
        // The state read before the change would be stale now: report none rather than a wrong one.
        delete report.state;
        report.stateUnknown =
            `${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(error instanceof Error ? error.message : String(error), (0,_postgres_environment_database_js__WEBPACK_IMPORTED_MODULE_2__/* .urlSecrets */ .Fn)(settings.databaseUrl))} ` +
                "Run status once the database is reachable: a migration that was running is then either applied or recorded as failed.";
    }
}


/***/ }),

/***/ 9086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WO: () => (/* binding */ findPrismaCli),
/* harmony export */   bh: () => (/* binding */ PRISMA_ADVISORY_LOCK_KEY),
/* harmony export */   gp: () => (/* binding */ PrismaCommandError)
/* harmony export */ });
/* unused harmony exports SHORT_LIVED_NODE_FLAGS, takesShortLivedFlags */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1376);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5508);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
// The project's own Prisma CLI, run as a child process. Prisma 6 and 7 take different flags for the
// same verbs; this is the one place that knows both.






/**
 * V8 flags for a Prisma process that finishes in seconds: no TurboFan for JavaScript (`--no-opt`) and
 * only the baseline compiler for the schema engine's WebAssembly (`--liftoff-only`), so no core is
 * spent optimising code that runs once. Both exist in Node 20 and Node 24 (checked with --v8-options).
 */
const SHORT_LIVED_NODE_FLAGS = ["--no-opt", "--liftoff-only"];
/**
 * Node majors whose V8 was checked to take SHORT_LIVED_NODE_FLAGS (20 and 24 here; 22 shares their
 * flag set). An unknown V8 flag makes node exit 9 before Prisma runs, so other majors go without them.
 */
function takesShortLivedFlags(version = process.versions.node) {
    const major = Number(version.split(".")[0]);
    return major >= 20 && major <= 24;
}
/**
 * The advisory lock every Prisma Migrate command takes before it reads or writes `_prisma_migrations`
 * (https://pris.ly/d/migrate-advisory-locking; `SELECT pg_advisory_lock(72707369)`, 10 s timeout).
 */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Finds `prisma` the way the project's own scripts would: from the working directory upwards. */
function findPrismaCli(options) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(options.workingDirectory, "package.json"));
    let pkgPath;
    try {
        pkgPath = require.resolve("prisma/package.json");
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j(`Prisma is not installed in ${options.workingDirectory} (or any parent node_modules). migrate-guard runs your project's own Prisma CLI: ` +
            `install dependencies first (e.g. \`npm ci\`), and make sure \`prisma\` is in package.json.`);
    }
    const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(pkgPath, "utf8"));
    const binRel = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.prisma ?? "build/index.js");
    const major = Number(pkg.version.split(".")[0]);
    const unsupported = (0,_version_js__WEBPACK_IMPORTED_MODULE_4__/* .unsupportedPrismaMessage */ .l5)({ version: pkg.version, major, source: pkgPath, installed: true }, options.workingDirectory);
    if (unsupported)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j(unsupported);
    return new ProjectPrismaCli(pkg.version, major, node_path__WEBPACK_IMPORTED_MODULE_3___default().join(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(pkgPath), binRel), options);
}
const URL_PATTERN = /^postgres(ql)?:\/\//i;
class ProjectPrismaCli {
    version;
    major;
    entry;
    options;
    constructor(version, major, entry, options) {
        this.version = version;
        this.major = major;
        this.entry = entry;
        this.options = options;
    }
    /**
     * The child's environment: the URL in every variable the project reads, and no other database URL
     * at all, so that a variable we did not detect can never point Prisma at a real environment.
     */
    env(url) {
        const env = {};
        for (const [k, v] of Object.entries(process.env)) {
            if (v !== undefined && !URL_PATTERN.test(v))
                env[k] = v;
        }
        if (url)
            for (const name of this.options.urlVariables)
                env[name] = url;
        if (this.options.throwaway) {
            delete env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK;
            if (this.options.throwaway.compileCacheDir)
                env.NODE_COMPILE_CACHE = this.options.throwaway.compileCacheDir;
        }
        env.CHECKPOINT_DISABLE = "1";
        env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
        env.NO_COLOR = "1";
        env.FORCE_COLOR = "0";
        return env;
    }
    schemaArgs() {
        return this.options.explicitSchema ? ["--schema", this.options.schemaPath] : [];
    }
    run(args, url, onLine, options = {}) {
        return new Promise((resolve, reject) => {
            const flags = options.shortLived && takesShortLivedFlags() ? SHORT_LIVED_NODE_FLAGS : [];
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [...flags, this.entry, ...args], {
                cwd: this.options.workingDirectory,
                env: this.env(url),
                stdio: ["ignore", "pipe", "pipe"],
                ...(options.signal ? { signal: options.signal, killSignal: "SIGKILL" } : {}),
            });
            let stdout = "";
            let stderr = "";
            let pending = "";
            const secrets = url ? [url] : [];
            child.stdout.on("data", (d) => {
                stdout += d.toString();
                if (!onLine)
                    return;
                pending += d.toString();
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    onLine((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(line, secrets));
            });
            child.stderr.on("data", (d) => {
                stderr += d.toString();
            });
            // An abort is reported as a failed run (close follows with a signal), not as an exception.
            child.on("error", (error) => {
                if (error.name !== "AbortError")
                    reject(error);
            });
            child.on("close", (code) => resolve({ code: code ?? 1, stdout: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(stdout, secrets), stderr: (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E)(stderr, secrets) }));
        });
    }
    deploy(url, onLine, options = {}) {
        const { from } = options;
        const args = from?.configFile ? ["--config", from.configFile] : from?.schemaPath ? ["--schema", from.schemaPath] : this.schemaArgs();
        return this.run(["migrate", "deploy", ...args], url, onLine, options);
    }
    resolve(url, kind, name, onLine) {
        return this.run(["migrate", "resolve", `--${kind}`, name, ...this.schemaArgs()], url, onLine);
    }
    async diff(source, url) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const from = source.kind === "url"
            ? ["--from-url", url]
            : source.kind === "config-datasource"
                ? ["--from-config-datasource"]
                : ["--from-migrations", source.dir];
        const result = await this.run(["migrate", "diff", ...from, to, this.options.schemaPath, "--script", "--exit-code"], url);
        if ((result.code !== 0 && result.code !== 2) || result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff ${from[0]} could not compare the migrations with ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(this.options.schemaPath)}`, result);
        }
        return { drift: result.code === 2, sql: result.stdout };
    }
    async schemaToSql(url, schemaPath = this.options.schemaPath) {
        const to = this.major >= 7 ? "--to-schema" : "--to-schema-datamodel";
        const result = await this.run(["migrate", "diff", "--from-empty", to, schemaPath, "--script"], url, undefined, { shortLived: true });
        if (result.code !== 0) {
            throw new PrismaCommandError(`prisma migrate diff could not turn ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(schemaPath)} into SQL`, result);
        }
        // A script is never empty (an empty one says "-- This is an empty migration."); Prisma 7's CLI
        // exits 0 printing nothing when its schema engine process dies mid-command.
        if (result.stdout.trim() === "") {
            throw new PrismaCommandError(`prisma migrate diff exited 0 but printed no SQL for ${node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(schemaPath)} (its schema engine probably stopped early)`, result);
        }
        return result.stdout;
    }
}
class PrismaCommandError extends Error {
    result;
    constructor(message, result) {
        super(`${message}:\n${(result.stderr || result.stdout).trim().split("\n").slice(-25).join("\n")}`);
        this.result = result;
    }
}


/***/ }),

/***/ 7141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   NJ: () => (/* binding */ blockFence),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mG: () => (/* binding */ inline)
/* harmony export */ });
/* unused harmony exports escapeText, flattenLines */
// Small text helpers for the Markdown renderer. Everything that reaches a PR comment comes from
// user-controlled input (file names, SQL, messages), so every piece passes through one of these.
/** Plain text: stop `<tag>` and `&entity;` from being interpreted by GitHub's HTML sanitiser. */
function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
/** Block-level newlines would end a list item or a table row early; `<br>` keeps the break visible. */
function flattenLines(text) {
    return text.replace(/\r\n|\r|\n/g, "<br>");
}
/** Inline text outside tables (list items, headings). */
function inline(text, maxChars = Infinity) {
    return flattenLines(escapeText(clip(text.trim(), maxChars)));
}
/** A table cell: a raw `|` would start a new column. */
function cell(text, maxChars = Infinity) {
    return inline(text, maxChars).replace(/\|/g, "\\|");
}
/**
 * A code span that survives any content: the fence is longer than the longest backtick run inside,
 * and in tables `|` is still escaped because GFM splits cells before parsing code spans.
 */
function code(text, options = {}) {
    let body = clip(text.replace(/\r\n|\r|\n/g, " "), options.maxChars ?? Infinity);
    if (options.inTable)
        body = body.replace(/\|/g, "\\|");
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longestRun + 1);
    const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** A fence for a code block that cannot be closed early by backticks inside the block. */
function blockFence(content) {
    const longestRun = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
    return "`".repeat(Math.max(3, longestRun + 1));
}
function clip(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, Math.max(0, maxChars - 1))}…`;
}
/** Only http(s) links, and the characters that would end a Markdown link destination are encoded. */
function safeUrl(url) {
    if (!url || !/^https?:\/\//i.test(url))
        return undefined;
    return url.replace(/[\s()<>"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
function formatCount(n) {
    return n.toLocaleString("en-US");
}
function plural(n, one, many = `${one}s`) {
    return `${formatCount(n)} ${n === 1 ? one : many}`;
}
function formatDuration(ms) {
    if (!Number.isFinite(ms) || ms < 0)
        return "–";
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)} s`;
    const totalSeconds = Math.round(ms / 1000);
    return `${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s`;
}


/***/ })

};
