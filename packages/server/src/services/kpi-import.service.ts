import { KPI_FIELDS, KPI_FILE_MAX_ROWS, type TKpiImport, type TKpiMapping, type TKpiPreview, type TKpiReject, type TKpiValues } from '@calmdesk/shared';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { kpiImports, kpiRecords, memberships, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { detectFormat, HEAD_BYTES } from '../qa/formats.js';
import { readRows, type TRawRow } from '../qa/read-rows.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { recordAudit } from './audit.service.js';
import { evaluationScope } from './evaluation-access.js';
import { kpiReject, missingMappingParts, readKpiRow, suggestKpiMapping, type TKpiPeopleLookup, type TKpiPerson, type TKpiRowResult } from './kpi-rows.js';

/**
 * KPI import (SPEC §2.8 level 4): a CSV or Excel file of KPIs per person and period, read
 * with the transcript-QA readers (encoding, delimiter and xlsx handling are theirs), checked
 * row by row, previewed, then written in one transaction. A record is upserted by (person,
 * period): importing the same person and period again replaces the values of the columns the
 * file maps (a column the file does not have keeps its stored value). A bad row becomes a
 * reject with its row number and reason and never stops the others; a row is written whole
 * or not at all. kpi_imports keeps each import's report.
 */

/** How many checked rows and rejects the preview shows. */
const PREVIEW_ROWS = 20;
const PREVIEW_REJECTS = 500;
/** Rows written per statement. */
const UPSERT_BATCH = 500;

type TUploadQuery = TKpiMapping & { fileName: string };

/** The file as rows: only CSV and .xlsx are KPI files. */
async function readKpiFile(fileName: string, bytes: Buffer): Promise<{ format: 'csv' | 'xlsx'; headers: string[]; rows: TRawRow[] }> {
  if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'The file is empty: send the CSV or Excel file as the request body');
  const format = detectFormat(fileName, bytes.subarray(0, HEAD_BYTES));
  if (format !== 'csv' && format !== 'xlsx') throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" looks like JSON: KPI files are CSV or Excel (.xlsx)`);
  let headers: string[] = [];
  const rows: TRawRow[] = [];
  async function* once() {
    yield bytes;
  }
  for await (const row of readRows(once(), format, { onHeaders: (h) => (headers = h) })) {
    rows.push(row);
    if (rows.length > KPI_FILE_MAX_ROWS) throw new AppError('PAYLOAD_TOO_LARGE', `The file has more than ${KPI_FILE_MAX_ROWS} rows; split it by month or team`);
  }
  if (headers.length === 0) throw new AppError('BAD_REQUEST', `"${fileName}" has no header row: the first row should name the columns (工号, 月份, 满意度 …)`);
  return { format, headers, rows };
}

/** The organisation's people by login and by name, and who the caller may import for. */
async function peopleLookup(deps: TDeps, auth: TAuthContext): Promise<TKpiPeopleLookup> {
  const rows = await deps.db
    .select({ id: users.id, login: users.login, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, auth.organisationId));
  const byName = new Map<string, TKpiPerson[]>();
  for (const person of rows) byName.set(person.displayName.trim(), [...(byName.get(person.displayName.trim()) ?? []), person]);
  const scope = await evaluationScope(deps, auth);
  return { byLogin: new Map(rows.map((p) => [p.login.toLowerCase(), p])), byName, allowed: scope.visibleUserIds };
}

/** The mapping to use: the columns asked for (each must exist), else the ones found from the headers. */
function chooseMapping(query: TUploadQuery, headers: readonly string[]): TKpiMapping {
  const { fileName: _fileName, ...asked } = query;
  const isAsked = Object.values(asked).some((column) => column !== undefined);
  if (!isAsked) return suggestKpiMapping(headers);
  const issues = Object.entries(asked)
    .filter(([, column]) => column !== undefined && !headers.includes(column))
    .map(([key, column]) => ({ path: `querystring.${key}`, message: `the file has no column "${column}"` }));
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `Unknown columns: ${issues.map((i) => i.message).join('; ')}`, issues);
  return asked;
}

type TCheckedRow = { rowNumber: number; result: TKpiRowResult; isReplacing: boolean };

/** Reads and checks every row; a later row for the same person and period is a duplicate. */
async function checkRows(deps: TDeps, auth: TAuthContext, rows: readonly TRawRow[], mapping: TKpiMapping): Promise<TCheckedRow[]> {
  const people = await peopleLookup(deps, auth);
  const firstRowOf = new Map<string, number>();
  const checked = rows.map((raw): TCheckedRow => {
    if (raw.error) {
      return { rowNumber: raw.rowNumber, isReplacing: false, result: { ok: false, reject: kpiReject(raw.rowNumber, 'unreadable', { value: raw.error }), personText: '', person: null, periodStart: null, periodEnd: null, values: emptyValues() } };
    }
    const result = readKpiRow(raw.rowNumber, raw.fields, mapping, people);
    if (result.ok) {
      const key = `${result.person.id}|${result.periodStart}|${result.periodEnd}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        return { rowNumber: raw.rowNumber, isReplacing: false, result: { ...result, ok: false, reject: kpiReject(raw.rowNumber, 'duplicate', { field: 'person', value: result.personText, otherRow: first }) } };
      }
      firstRowOf.set(key, raw.rowNumber);
    }
    return { rowNumber: raw.rowNumber, isReplacing: false, result };
  });
  // Which good rows replace a stored record.
  const good = checked.filter((c) => c.result.ok);
  const userIds = [...new Set(good.map((c) => (c.result.ok ? c.result.person.id : '')))];
  if (userIds.length > 0) {
    const existing = await deps.db
      .select({ userId: kpiRecords.userId, periodStart: kpiRecords.periodStart, periodEnd: kpiRecords.periodEnd })
      .from(kpiRecords)
      .where(and(eq(kpiRecords.organisationId, auth.organisationId), inArray(kpiRecords.userId, userIds)));
    const keys = new Set(existing.map((r) => `${r.userId}|${r.periodStart}|${r.periodEnd}`));
    for (const row of good) if (row.result.ok) row.isReplacing = keys.has(`${row.result.person.id}|${row.result.periodStart}|${row.result.periodEnd}`);
  }
  return checked;
}

const emptyValues = (): TKpiValues => ({ csat: null, complaintRate: null, repurchaseRate: null, resolutionMinutes: null, escalationRate: null });
const rejectOf = (row: TCheckedRow) => (row.result.ok ? null : row.result.reject);

/** Refuses a mapping that lacks the person, the period or every KPI, naming what is missing. */
function requireCompleteMapping(mapping: TKpiMapping): void {
  const missing = missingMappingParts(mapping);
  if (missing.length === 0) return;
  const words = { person: 'a person column (工号/login or 姓名/name)', period: 'a period column (月份/month, or start and end dates)', kpi: 'at least one KPI column' };
  throw new AppError('VALIDATION_FAILED', `The mapping needs ${missing.map((m) => words[m]).join(', ')}`, missing.map((m) => ({ path: `querystring.${m}`, message: words[m] })));
}

/**
 * Reads a KPI file and says what importing it would do, writing nothing: the headers, the
 * mapping (asked for, or found), the first rows as they would be stored, the rejects.
 * @param bytes the file (at most KPI_FILE_MAX_BYTES, enforced by the route)
 * @throws AppError 400 for an empty file or a file without a header, 415 for anything but CSV and .xlsx, 413 for too many rows
 */
export async function previewKpiFile(deps: TDeps, auth: TAuthContext, query: TUploadQuery, bytes: Buffer): Promise<TKpiPreview> {
  const file = await readKpiFile(query.fileName, bytes);
  const mapping = chooseMapping(query, file.headers);
  const missing = missingMappingParts(mapping);
  const checked = missing.length === 0 ? await checkRows(deps, auth, file.rows, mapping) : [];
  const rejects = checked.flatMap((row) => rejectOf(row) ?? []);
  return {
    fileName: query.fileName,
    format: file.format,
    headers: file.headers,
    mapping,
    missing,
    rows: checked.slice(0, PREVIEW_ROWS).map((row) => ({
      rowNumber: row.rowNumber,
      personText: row.result.personText,
      person: row.result.person,
      periodStart: row.result.periodStart,
      periodEnd: row.result.periodEnd,
      values: row.result.values,
      reject: rejectOf(row),
      isReplacing: row.isReplacing,
    })),
    totalRows: file.rows.length,
    validRows: checked.length - rejects.length,
    replacingRows: checked.filter((row) => row.isReplacing).length,
    rejectedRows: rejects.length,
    rejects: rejects.slice(0, PREVIEW_REJECTS),
  };
}

/**
 * Imports a KPI file: every good row upserted by (person, period), the report kept.
 * @returns the import with every reject
 * @throws AppError as previewKpiFile, and VALIDATION_FAILED when the mapping lacks a person, period or KPI column
 */
export async function importKpiFile(deps: TDeps, auth: TAuthContext, query: TUploadQuery, bytes: Buffer, ip: string): Promise<TKpiImport> {
  const file = await readKpiFile(query.fileName, bytes);
  const mapping = chooseMapping(query, file.headers);
  requireCompleteMapping(mapping);
  const checked = await checkRows(deps, auth, file.rows, mapping);
  const rejects: TKpiReject[] = checked.flatMap((row) => rejectOf(row) ?? []);
  const good = checked.flatMap((row) => (row.result.ok ? [row.result] : []));
  // Only the columns the file maps are written on a re-import; the others keep their values.
  const mappedFields = KPI_FIELDS.filter((field) => mapping[field]);
  const created = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(kpiImports)
      .values({ organisationId: auth.organisationId, fileName: query.fileName, rowsImported: good.length, rejects, createdBy: auth.userId })
      .returning();
    const importId = inserted[0]!.id;
    for (let start = 0; start < good.length; start += UPSERT_BATCH) {
      const batch = good.slice(start, start + UPSERT_BATCH);
      await tx
        .insert(kpiRecords)
        .values(batch.map((row) => ({ organisationId: auth.organisationId, userId: row.person.id, periodStart: row.periodStart, periodEnd: row.periodEnd, ...row.values, importId })))
        .onConflictDoUpdate({
          target: [kpiRecords.organisationId, kpiRecords.userId, kpiRecords.periodStart, kpiRecords.periodEnd],
          set: {
            ...Object.fromEntries(mappedFields.map((field) => [field, sql.raw(`excluded.${kpiRecords[field].name}`)])),
            importId,
            updatedAt: sql`now()`,
          },
        });
    }
    return inserted[0]!;
  });
  await recordAudit(deps, {
    organisationId: auth.organisationId,
    actorUserId: auth.userId,
    action: 'kpi.imported',
    targetType: 'kpi_import',
    targetId: created.id,
    details: { fileName: query.fileName, rowsImported: good.length, rowsRejected: rejects.length },
    ip,
  });
  return presentImport(created, { id: auth.userId, displayName: auth.displayName });
}

function presentImport(row: typeof kpiImports.$inferSelect, createdBy: { id: string; displayName: string } | null): TKpiImport {
  const rejects = row.rejects as TKpiReject[];
  return { id: row.id, fileName: row.fileName, rowsImported: row.rowsImported, rowsRejected: rejects.length, rejects, createdAt: row.createdAt.toISOString(), createdBy };
}

/** Imports the caller may read: the training group every one, a supervisor their own. */
function importConditions(auth: TAuthContext, isOrganisationWide: boolean) {
  return and(eq(kpiImports.organisationId, auth.organisationId), isOrganisationWide ? undefined : eq(kpiImports.createdBy, auth.userId));
}

/** KPI imports, newest first (the last 200). */
export async function listKpiImports(deps: TDeps, auth: TAuthContext) {
  const scope = await evaluationScope(deps, auth);
  const rows = await deps.db
    .select({ row: kpiImports, creatorName: users.displayName })
    .from(kpiImports)
    .leftJoin(users, eq(users.id, kpiImports.createdBy))
    .where(importConditions(auth, scope.isOrganisationWide))
    .orderBy(desc(kpiImports.createdAt))
    .limit(200);
  return {
    imports: rows.map(({ row, creatorName }) => {
      const { rejects: _rejects, ...rest } = presentImport(row, row.createdBy ? { id: row.createdBy, displayName: creatorName ?? '' } : null);
      return rest;
    }),
  };
}

/** One import with its report; 404 for another organisation's or (for a supervisor) someone else's. */
export async function getKpiImport(deps: TDeps, auth: TAuthContext, importId: string): Promise<TKpiImport> {
  const scope = await evaluationScope(deps, auth);
  const rows = await deps.db
    .select({ row: kpiImports, creatorName: users.displayName })
    .from(kpiImports)
    .leftJoin(users, eq(users.id, kpiImports.createdBy))
    .where(and(importConditions(auth, scope.isOrganisationWide), eq(kpiImports.id, importId)));
  const found = rows[0];
  if (!found) throw notFound('KPI import');
  return presentImport(found.row, found.row.createdBy ? { id: found.row.createdBy, displayName: found.creatorName ?? '' } : null);
}

/** The most KPI records one list returns. */
const RECORDS_MAX = 5000;

/** First day of a month YYYY-MM, and of the month after it. */
const monthStart = (month: string) => `${month}-01`;
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Stored KPI records the caller may see, by period start (newest first), then name.
 * @param query months (period start within them), a team, a person
 * @throws AppError 404 for a team or person the caller may not see
 */
export async function listKpiRecords(deps: TDeps, auth: TAuthContext, query: { from?: string | undefined; to?: string | undefined; teamId?: string | undefined; userId?: string | undefined }) {
  const scope = await evaluationScope(deps, auth);
  if (query.teamId && !scope.teams.some((t) => t.id === query.teamId)) throw notFound('Team');
  if (query.userId && scope.visibleUserIds && !scope.visibleUserIds.has(query.userId)) throw notFound('Person');
  let userIds: string[] | undefined = scope.visibleUserIds ? [...scope.visibleUserIds] : undefined;
  if (query.teamId) userIds = await findTeamMemberIds(deps.db, auth.organisationId, [query.teamId]);
  if (query.userId) userIds = userIds === undefined || userIds.includes(query.userId) ? [query.userId] : [];
  if (userIds !== undefined && userIds.length === 0) return { records: [], isTruncated: false };
  const rows = await deps.db
    .select({ record: kpiRecords, login: users.login, displayName: users.displayName })
    .from(kpiRecords)
    .innerJoin(users, eq(users.id, kpiRecords.userId))
    .where(
      and(
        eq(kpiRecords.organisationId, auth.organisationId),
        userIds ? inArray(kpiRecords.userId, userIds) : undefined,
        query.from ? gte(kpiRecords.periodStart, monthStart(query.from)) : undefined,
        query.to ? lt(kpiRecords.periodStart, nextMonthStart(query.to)) : undefined,
      ),
    )
    .orderBy(desc(kpiRecords.periodStart), asc(users.displayName), asc(kpiRecords.periodEnd))
    .limit(RECORDS_MAX + 1);
  return {
    records: rows.slice(0, RECORDS_MAX).map(({ record, login, displayName }) => ({
      id: record.id,
      person: { id: record.userId, login, displayName },
      periodStart: record.periodStart,
      periodEnd: record.periodEnd,
      csat: record.csat,
      complaintRate: record.complaintRate,
      repurchaseRate: record.repurchaseRate,
      resolutionMinutes: record.resolutionMinutes,
      escalationRate: record.escalationRate,
      importId: record.importId,
      updatedAt: record.updatedAt.toISOString(),
    })),
    isTruncated: rows.length > RECORDS_MAX,
  };
}
