import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The one schema of CalmDesk. Every org-owned table carries `organisation_id`, and every
 * repository query filters by it: that is what keeps one merchant's data from another's.
 * Change it, then `npm run db:generate -w @calmdesk/server` and commit the new migration.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Login names are case-insensitive; stored lower-case. */
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_login_key').on(t.login)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** Roles of SPEC §1 held in this organisation; never empty. */
    roles: text('roles').array().notNull(),
    /** Start date at this merchant: new hires get a mentor (SPEC §2.7). */
    hireDate: date('hire_date'),
    /** An org admin deactivates a person here; their other organisations are untouched. */
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_org_idx').on(t.organisationId)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_org_name_key').on(t.organisationId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Login attempts per client address and minute, shared by every app instance. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_org_created_idx').on(t.organisationId, t.createdAt)],
);

/** A trainee's practice conversation with a simulated customer (SPEC §2.2). */
export const roleplayAttempts = pgTable(
  'roleplay_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    assignmentId: uuid('assignment_id'),
    seed: integer('seed').notNull(),
    /** The scenario as it was when the attempt started: later edits do not rewrite history. */
    scenario: jsonb('scenario').notNull(),
    /** The simulator's session (meters, turns, feedback), replayable and auditable. */
    session: jsonb('session').notNull(),
    outcome: text('outcome'),
    total: integer('total'),
    scores: jsonb('scores'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('roleplay_attempts_org_user_idx').on(t.organisationId, t.userId, t.startedAt), index('roleplay_attempts_org_scenario_idx').on(t.organisationId, t.scenarioId)],
);

/** A trainer's or mentor's comment on an attempt. */
export const roleplayComments = pgTable(
  'roleplay_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: uuid('attempt_id').notNull().references(() => roleplayAttempts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('roleplay_comments_attempt_idx').on(t.attemptId)],
);

/** A scenario assigned to people or teams, with an optional due date. */
export const roleplayAssignments = pgTable(
  'roleplay_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    scenarioId: text('scenario_id').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    createdAt: createdAt(),
  },
  (t) => [index('roleplay_assignments_org_idx').on(t.organisationId)],
);

export const roleplayAssignmentTargets = pgTable(
  'roleplay_assignment_targets',
  {
    assignmentId: uuid('assignment_id').notNull().references(() => roleplayAssignments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('roleplay_assignment_targets_user_idx').on(t.userId)],
);

/** Scenarios written by an organisation's trainers in the app (the built-in ones live in content/). */
export const roleplayScenarios = pgTable(
  'roleplay_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** The scenario's own id (from its YAML), unique in the organisation and never a built-in id. */
    scenarioId: text('scenario_id').notNull(),
    yaml: text('yaml').notNull(),
    status: text('status').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roleplay_scenarios_org_id_key').on(t.organisationId, t.scenarioId)],
);

/**
 * Optional: an OpenAI-compatible chat endpoint that words the simulated customer's lines.
 * Off by default; the state machine still decides mood, outcome and score.
 */
export const roleplaySettings = pgTable('roleplay_settings', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  isLlmEnabled: boolean('is_llm_enabled').notNull().default(false),
  llmBaseUrl: text('llm_base_url'),
  llmModel: text('llm_model'),
  /** Never returned by the API; only whether one is set. */
  llmApiKey: text('llm_api_key'),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/*
 * Learning (SPEC §2.1). The built-in curriculum (content/curriculum) is copied into every
 * organisation on start: `origin` 'builtin' rows carry the content's key and a hash of what
 * was imported, so a content update reaches them unless the organisation edited the item
 * (`isEdited`); trainers' own items have origin 'custom'.
 */
const learningColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  /** The content key (course, lesson, question or case id); unique per organisation. */
  key: text('key').notNull(),
  origin: text('origin').notNull().default('custom'),
  isEdited: boolean('is_edited').notNull().default(false),
  contentHash: text('content_hash'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const courses = pgTable(
  'courses',
  {
    ...learningColumns(),
    position: integer('position').notNull(),
    title: jsonb('title').notNull(),
    summary: jsonb('summary').notNull(),
    audience: jsonb('audience').notNull(),
    tags: text('tags').array().notNull(),
    isPublished: boolean('is_published').notNull().default(true),
  },
  (t) => [uniqueIndex('courses_org_key').on(t.organisationId, t.key)],
);

export const lessons = pgTable(
  'lessons',
  {
    ...learningColumns(),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: jsonb('title').notNull(),
    summary: jsonb('summary').notNull(),
    minutes: integer('minutes').notNull(),
    exercise: text('exercise').notNull(),
    video: text('video'),
    downloads: jsonb('downloads').notNull(),
    bodyMd: text('body_md').notNull(),
    quizKeys: text('quiz_keys').array().notNull(),
  },
  (t) => [uniqueIndex('lessons_org_key').on(t.organisationId, t.key), index('lessons_course_idx').on(t.courseId, t.position)],
);

export const questions = pgTable(
  'questions',
  {
    ...learningColumns(),
    type: text('type').notNull(),
    difficulty: integer('difficulty').notNull(),
    tags: text('tags').array().notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').notNull(),
    answer: jsonb('answer').notNull(),
    explanation: text('explanation').notNull(),
    rubric: text('rubric'),
    isRetired: boolean('is_retired').notNull().default(false),
  },
  (t) => [uniqueIndex('questions_org_key').on(t.organisationId, t.key), index('questions_org_tags_idx').on(t.organisationId)],
);

export const cases = pgTable(
  'cases',
  {
    ...learningColumns(),
    title: jsonb('title').notNull(),
    kind: text('kind').notNull(),
    tags: text('tags').array().notNull(),
    goods: text('goods').notNull(),
    bodyMd: text('body_md').notNull(),
  },
  (t) => [uniqueIndex('cases_org_key').on(t.organisationId, t.key)],
);

/** A person's enrolment in a course: by themselves, or assigned with a due date. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    /** Where to resume. */
    lastLessonId: uuid('last_lesson_id').references(() => lessons.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('enrolments_user_course_key').on(t.userId, t.courseId), index('enrolments_org_idx').on(t.organisationId)],
);

/** A finished lesson, with the lesson quiz's answers and score. */
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    lessonId: uuid('lesson_id').notNull().references(() => lessons.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    quizScore: integer('quiz_score'),
    quizAnswers: jsonb('quiz_answers').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);

/** An exam drawn from the question bank (SPEC §2.1): by tags, with a time limit, pass mark and retakes (补考). */
export const exams = pgTable(
  'exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    title: jsonb('title').notNull(),
    tags: text('tags').array().notNull(),
    minDifficulty: integer('min_difficulty').notNull().default(1),
    maxDifficulty: integer('max_difficulty').notNull().default(3),
    questionCount: integer('question_count').notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    passMark: integer('pass_mark').notNull(),
    /** First attempt plus make-up attempts (补考). */
    maxAttempts: integer('max_attempts').notNull(),
    isPublished: boolean('is_published').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('exams_org_idx').on(t.organisationId)],
);

export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id').notNull().references(() => exams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    /** The drawn questions with each one's shuffled option order. */
    paper: jsonb('paper').notNull(),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('in_progress'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    objectiveScore: integer('objective_score'),
    finalScore: integer('final_score'),
    isPassed: boolean('is_passed'),
  },
  (t) => [
    index('exam_attempts_exam_user_idx').on(t.examId, t.userId),
    // One attempt in progress per person and exam: a second tab cannot start another.
    uniqueIndex('exam_attempts_one_open').on(t.examId, t.userId).where(sql`status = 'in_progress'`),
  ],
);

/** Reaction questionnaire after a course (evaluation level 1): content, method, instructor, 1–5. */
export const courseFeedback = pgTable(
  'course_feedback',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').notNull().references(() => courses.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    content: integer('content').notNull(),
    method: integer('method').notNull(),
    instructor: integer('instructor').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.courseId] }), index('course_feedback_course_idx').on(t.courseId)],
);

/**
 * A certificate, issued when a person passes an exam. The code is printed on the PDF; anyone
 * holding it can check it on the public verification page. Name and title are copied at
 * issue time, so the paper and the check agree even after a rename.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    examId: uuid('exam_id').references(() => exams.id, { onDelete: 'set null' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    attemptId: uuid('attempt_id').references(() => examAttempts.id, { onDelete: 'set null' }),
    code: text('code').notNull(),
    recipientName: text('recipient_name').notNull(),
    title: jsonb('title').notNull(),
    score: integer('score'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('certificates_code_key').on(t.code),
    // One certificate per person and exam, however many make-ups it took.
    uniqueIndex('certificates_exam_user_key').on(t.examId, t.userId),
    index('certificates_org_user_idx').on(t.organisationId, t.userId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Files trainers attach to lessons (images shown in the text, worksheets to download). Kept in
 * PostgreSQL, so every app instance serves them and a database backup holds them.
 */
export const learningFiles = pgTable(
  'learning_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('learning_files_org_idx').on(t.organisationId, t.createdAt)],
);

// ---------------------------------------------------------------------------
// Transcript QA (质检): imported chat logs, analysed conversation by conversation.

/** A chat tool's export as this organisation receives it, with the column mapping remembered. */
export const qaSources = pgTable(
  'qa_sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mapping: jsonb('mapping'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('qa_sources_org_name').on(t.organisationId, t.name)],
);

/** Per organisation: masking of personal data (on unless an admin turns it off), retention, coaching threshold. */
export const qaSettings = pgTable('qa_settings', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  isMaskingEnabled: boolean('is_masking_enabled').notNull().default(true),
  retentionDays: integer('retention_days'),
  coachingThreshold: integer('coaching_threshold').notNull().default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One uploaded file and the background job that imports it. The job is claimed by one app
 * instance at a time (heartbeat); a stale heartbeat means that instance died and another one
 * (or the restarted one) resumes from the checkpoint.
 */
export const qaImports = pgTable(
  'qa_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').references(() => qaSources.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    format: text('format'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
    mapping: jsonb('mapping'),
    /** uploading → uploaded → queued → running → done | failed | cancelled */
    status: text('status').notNull().default('uploading'),
    /** While running: staging (reading rows) or analysing (conversation by conversation). */
    phase: text('phase'),
    /** Messages read from the file so far (good and rejected): the staging checkpoint. */
    rowsRead: integer('rows_read').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    conversationsTotal: integer('conversations_total').notNull().default(0),
    conversationsDone: integer('conversations_done').notNull().default(0),
    conversationsSkipped: integer('conversations_skipped').notNull().default(0),
    /** Analysis checkpoint: conversations up to this key are stored. */
    lastConversationKey: text('last_conversation_key'),
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    error: text('error'),
    workerId: text('worker_id'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('qa_imports_org_idx').on(t.organisationId, t.createdAt), index('qa_imports_status_idx').on(t.status)],
);

/** The uploaded file, in 1 MB pieces, so any instance can read it as a stream; dropped when the import ends. */
export const qaImportChunks = pgTable(
  'qa_import_chunks',
  {
    importId: uuid('import_id').notNull().references(() => qaImports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/**
 * Rows that could not be imported, with their row number and reason (the first 10,000 per import).
 * `ordinal` counts messages as read (a nested JSON record holds several); `rowNumber` is the
 * record in the file, `messageIndex` the message inside it.
 */
export const qaImportRejects = pgTable(
  'qa_import_rejects',
  {
    importId: uuid('import_id').notNull().references(() => qaImports.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    rowNumber: integer('row_number').notNull(),
    messageIndex: integer('message_index'),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.ordinal] })],
);

/** Rows read from the file, grouped by conversation before analysis; dropped when the import ends. */
export const qaStaging = pgTable(
  'qa_staging',
  {
    importId: uuid('import_id').notNull().references(() => qaImports.id, { onDelete: 'cascade' }),
    /** Messages in the order read from the file (the resume checkpoint counts these). */
    ordinal: integer('ordinal').notNull(),
    conversationKey: text('conversation_key').notNull(),
    at: timestamp('at', { withTimezone: true }),
    role: text('role').notNull(),
    agentId: text('agent_id'),
    agentName: text('agent_name'),
    text: text('text').notNull(),
    shop: text('shop'),
    channel: text('channel'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.ordinal] }), index('qa_staging_conversation_idx').on(t.importId, t.conversationKey)],
);

/** One analysed conversation; (organisation, source, external id) makes re-imports idempotent. */
export const qaConversations = pgTable(
  'qa_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').notNull().references(() => qaSources.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    importId: uuid('import_id').references(() => qaImports.id, { onDelete: 'set null' }),
    agentKey: text('agent_key'),
    agentName: text('agent_name'),
    agentUserId: uuid('agent_user_id').references(() => users.id, { onDelete: 'set null' }),
    shop: text('shop'),
    channel: text('channel'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    messageCount: integer('message_count').notNull(),
    /** Quality score 0–100; null when nothing in the conversation can be scored (no agent reply to a customer). */
    score: integer('score'),
    isDeEscalated: boolean('is_de_escalated').notNull(),
    hadHighRisk: boolean('had_high_risk').notNull(),
    isEscalationMissed: boolean('is_escalation_missed').notNull(),
    firstResponseSeconds: integer('first_response_seconds'),
    avgResponseSeconds: integer('avg_response_seconds'),
    empathyRate: integer('empathy_rate'),
    flags: text('flags').array().notNull(),
    /** The engine's conversation analysis (trajectory, response times, language, breakdown). */
    analysis: jsonb('analysis').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('qa_conversations_source_external').on(t.organisationId, t.sourceId, t.externalId),
    index('qa_conversations_org_started_idx').on(t.organisationId, t.startedAt),
    index('qa_conversations_agent_idx').on(t.organisationId, t.agentUserId, t.startedAt),
  ],
);

export const qaMessages = pgTable(
  'qa_messages',
  {
    conversationId: uuid('conversation_id').notNull().references(() => qaConversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }),
    role: text('role').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] })],
);

/** A conversation flagged for coaching, by the rules or by a person; the agent's mentor works the queue. */
export const qaFlags = pgTable(
  'qa_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull().references(() => qaConversations.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('open'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('qa_flags_conversation_key').on(t.conversationId), index('qa_flags_org_status_idx').on(t.organisationId, t.status)],
);

export const qaFlagComments = pgTable(
  'qa_flag_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flagId: uuid('flag_id').notNull().references(() => qaFlags.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('qa_flag_comments_flag_idx').on(t.flagId, t.createdAt)],
);

// ---------------------------------------------------------------------------
// Training operations, evaluation and incentives (SPEC §2.7, §2.8, §2.10)

/** In-app notices: survey invitations and reminders, absences, approvals, escalations. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** What happened, e.g. survey_invite, survey_reminder, absence_warning, plan_returned, escalation. */
    kind: text('kind').notNull(),
    /** { zh, en } texts, written when the notice is made. */
    title: jsonb('title').notNull(),
    body: jsonb('body').notNull().default(sql`'{}'::jsonb`),
    /** Where a click goes in the web app, e.g. /operations/surveys/<id>. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.organisationId, t.createdAt)],
);

/**
 * A questionnaire: a quarterly needs analysis, the reaction questionnaire after a session
 * (level 1), or any other. Questions are data (Likert, single, multiple, open text).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** needs | reaction | general */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** TSurveyQuestion[] (shared/operations.ts). */
    questions: jsonb('questions').notNull(),
    /** Anonymous: answers are stored without the person, only their level, tenure band and team. */
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    /** e.g. 2026-Q4 for a needs analysis. */
    period: text('period'),
    sessionId: uuid('session_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('surveys_org_idx').on(t.organisationId, t.createdAt), uniqueIndex('surveys_session_key').on(t.sessionId)],
);

/** Who was asked. respondedAt is kept even for anonymous surveys (to remind only those who have not answered); the answers are not linked. */
export const surveyRecipients = pgTable(
  'survey_recipients',
  {
    surveyId: uuid('survey_id').notNull().references(() => surveys.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.userId] }), index('survey_recipients_user_idx').on(t.userId)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id').notNull().references(() => surveys.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** Null when the survey is anonymous. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** { [questionId]: number | string | string[] } */
    answers: jsonb('answers').notNull(),
    /** Snapshots for the breakdowns: the highest role held, months since hire, the first team. */
    level: text('level').notNull(),
    tenureMonths: integer('tenure_months'),
    teamId: uuid('team_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId)],
);

/**
 * A yearly training plan. Its working content lives here; each submission freezes a version.
 * draft -> submitted -> approved | returned (-> draft again when edited).
 */
export const trainingPlans = pgTable(
  'training_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    /** TPlanContent (shared/operations.ts): goals, items (themes, sessions), budget. */
    content: jsonb('content').notNull(),
    version: integer('version').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('training_plans_org_idx').on(t.organisationId, t.year)],
);

/** Every submitted version, and what the leader said about it. */
export const trainingPlanVersions = pgTable(
  'training_plan_versions',
  {
    planId: uuid('plan_id').notNull().references(() => trainingPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** approved | returned | null while waiting */
    decision: text('decision'),
    decisionComment: text('decision_comment'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

/** A class, online module, drill or role-play day; may come from an approved plan's item. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').references(() => trainingPlans.id, { onDelete: 'set null' }),
    planItemId: text('plan_item_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** classroom | online | drill | roleplay_day */
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    instructorUserId: uuid('instructor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** An invited outside instructor. */
    instructorName: text('instructor_name'),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    scenarioIds: text('scenario_ids').array().notNull().default(sql`'{}'::text[]`),
    /** A make-up session for people who missed the one named here. */
    makeUpForSessionId: uuid('make_up_for_session_id'),
    /** scheduled | held | cancelled */
    status: text('status').notNull().default('scheduled'),
    /** Short sign-in code shown by the instructor; accepted only between startsAt - 30 min and endsAt. */
    signInCode: text('sign_in_code'),
    /** When absences were settled and the reaction questionnaire sent. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('training_sessions_org_starts_idx').on(t.organisationId, t.startsAt)],
);

export const sessionEnrolments = pgTable(
  'session_enrolments',
  {
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** enrolled | present | late | excused | absent */
    attendance: text('attendance').notNull().default('enrolled'),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    /** code | qr | manual */
    signInMethod: text('sign_in_method'),
    excuseReason: text('excuse_reason'),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('session_enrolments_user_idx').on(t.userId)],
);

/** What a person must do after an unexcused absence: attend a make-up session or pass an exam. */
export const makeUpTasks = pgTable(
  'make_up_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    missedSessionId: uuid('missed_session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
    /** session | exam */
    kind: text('kind').notNull(),
    makeUpSessionId: uuid('make_up_session_id').references(() => trainingSessions.id, { onDelete: 'set null' }),
    examId: uuid('exam_id').references(() => exams.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    /** open | done | waived */
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Why a trainer waived the task (e.g. 已参加外部同主题培训), and who did. */
    waiveReason: text('waive_reason'),
    waivedBy: uuid('waived_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('make_up_tasks_missed_key').on(t.missedSessionId, t.userId), index('make_up_tasks_user_idx').on(t.userId, t.status)],
);

/**
 * Warnings, performance deductions, mandatory re-training and discipline escalations (SPEC §2.10).
 * Visible only to the person, their supervisors and the training group.
 */
export const personRecords = pgTable(
  'person_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** warning | deduction | retraining | discipline */
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    /** absence | complaint | manual */
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id'),
    /** Performance points deducted, for kind = deduction. */
    points: integer('points'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('person_records_user_idx').on(t.organisationId, t.userId, t.createdAt), uniqueIndex('person_records_source_key').on(t.userId, t.kind, t.sourceType, t.sourceId)],
);

/** Mentor and new hire (SPEC §2.7): one active mentor per mentee. */
export const mentorships = pgTable(
  'mentorships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    mentorUserId: uuid('mentor_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    menteeUserId: uuid('mentee_user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mentorships_org_idx').on(t.organisationId),
    uniqueIndex('mentorships_active_mentee_key').on(t.organisationId, t.menteeUserId).where(sql`ended_on IS NULL`),
  ],
);

export const mentorshipNotes = pgTable(
  'mentorship_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorshipId: uuid('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mentorship_notes_idx').on(t.mentorshipId, t.createdAt)],
);

/** Milestones and the first weeks' checklist of a mentorship. */
export const mentorshipTasks = pgTable(
  'mentorship_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorshipId: uuid('mentorship_id').notNull().references(() => mentorships.id, { onDelete: 'cascade' }),
    /** milestone | checklist */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('mentorship_tasks_idx').on(t.mentorshipId, t.position)],
);

/** Level 4 (SPEC §2.8): a person's CS KPIs for one period, imported from the merchant's systems. */
export const kpiRecords = pgTable(
  'kpi_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** Satisfaction 0–100 (%), complaint/repurchase/escalation rates in %, resolution time in minutes. Null: not supplied. */
    csat: doublePrecision('csat'),
    complaintRate: doublePrecision('complaint_rate'),
    repurchaseRate: doublePrecision('repurchase_rate'),
    resolutionMinutes: doublePrecision('resolution_minutes'),
    escalationRate: doublePrecision('escalation_rate'),
    importId: uuid('import_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('kpi_records_person_period_key').on(t.organisationId, t.userId, t.periodStart, t.periodEnd), index('kpi_records_org_period_idx').on(t.organisationId, t.periodStart)],
);

export const kpiImports = pgTable('kpi_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  rowsImported: integer('rows_imported').notNull(),
  /** [{ rowNumber, reason }] */
  rejects: jsonb('rejects').notNull().default(sql`'[]'::jsonb`),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/** Configurable point rules (SPEC §2.10); a rule's key names what earns it. */
export const pointRules = pgTable(
  'point_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** exam_passed | roleplay_score | clean_month | suggestion_adopted | session_attended */
    key: text('key').notNull(),
    points: integer('points').notNull(),
    /** e.g. the role-play score to beat (85). */
    threshold: integer('threshold'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('point_rules_org_key').on(t.organisationId, t.key)],
);

/** The points ledger: rule awards (once per source) and manual entries with a reason. Never updated, only added to. */
export const pointEntries = pgTable(
  'point_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** Null for a manual entry. */
    ruleKey: text('rule_key'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('point_entries_user_idx').on(t.organisationId, t.userId, t.createdAt), uniqueIndex('point_entries_rule_source_key').on(t.userId, t.ruleKey, t.sourceId)],
);

/** Innovation suggestions: anyone submits, trainers review, adopted ones earn points. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** submitted | adopted | declined */
    status: text('status').notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('suggestions_org_idx').on(t.organisationId, t.status, t.createdAt)],
);

/** Half-yearly excellent-trainee (优秀学员) selection: weights, the ranked shortlist, the leader's choice. */
export const traineeSelections = pgTable(
  'trainee_selections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** e.g. 2026-H2 */
    period: text('period').notNull(),
    /** { exams, roleplay, attendance, kpi } summing to 100. */
    weights: jsonb('weights').notNull(),
    /** The ranking as computed when the shortlist was made: [{ userId, name, score, parts }]. */
    ranking: jsonb('ranking').notNull().default(sql`'[]'::jsonb`),
    shortlistSize: integer('shortlist_size').notNull().default(5),
    /** draft | shortlisted | confirmed */
    status: text('status').notNull().default('draft'),
    chosenUserIds: uuid('chosen_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('trainee_selections_org_period_key').on(t.organisationId, t.period)],
);

// ---------------------------------------------------------------------------------------
// Self-care (SPEC §2.6) and live assist (SPEC §2.5)
// ---------------------------------------------------------------------------------------

/**
 * One private self-care entry: an emotion diary entry, an ABC worksheet, a gratitude note or
 * a success case. Readable by its owner only — no role, admin included, reads it through the
 * app: every query filters by `owner_id` = the caller. `body` is the kind's shape, checked by
 * the zod schemas in @calmdesk/shared (selfcare.ts) on the way in.
 */
export const selfcareEntries = pgTable(
  'selfcare_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** diary | abc | gratitude | success */
    kind: text('kind').notNull(),
    body: jsonb('body').notNull(),
    /** When it happened (the owner may back-date); the list is ordered by it. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('selfcare_entries_owner_idx').on(t.ownerId, t.organisationId, t.kind, t.occurredAt)],
);

/**
 * A stress and mood self-check (a short questionnaire written by the team; not a diagnosis).
 * The owner sees every answer; supervisors see only team aggregates of `score`, and only
 * where at least 5 people contributed.
 */
export const stressChecks = pgTable(
  'stress_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** Which version of the questionnaire was answered. */
    questionnaire: text('questionnaire').notNull(),
    /** Answer per question id, 0..4. */
    answers: jsonb('answers').notNull(),
    /** 0..100 (higher = more strain). */
    score: integer('score').notNull(),
    /** low | moderate | high */
    band: text('band').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stress_checks_owner_idx').on(t.ownerId, t.organisationId, t.takenAt), index('stress_checks_org_idx').on(t.organisationId, t.takenAt)],
);

/**
 * A conversation followed by live assist: from the assist page (`agent_id` = the agent) or
 * from a chat tool over the streaming API (`agent_id` when the tool names the agent).
 * Holds counts and risk levels only, never the messages: the load view is counts, not content.
 */
export const assistConversations = pgTable(
  'assist_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    /** page | stream */
    source: text('source').notNull(),
    /** The chat tool's own conversation id (stream), unique per organisation. */
    externalRef: text('external_ref'),
    customerMessageCount: integer('customer_message_count').notNull().default(0),
    agentMessageCount: integer('agent_message_count').notNull().default(0),
    /** low | medium | high: the highest and the latest customer risk. */
    peakRisk: text('peak_risk').notNull().default('low'),
    lastRisk: text('last_risk').notNull().default('low'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('assist_conversations_agent_idx').on(t.organisationId, t.agentId, t.startedAt),
    uniqueIndex('assist_conversations_external_key').on(t.organisationId, t.externalRef).where(sql`external_ref IS NOT NULL`),
  ],
);

/** An agent brought their supervisor in: what the supervisor needs to help (masked excerpt), and who answered. */
export const assistEscalations = pgTable(
  'assist_escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull().references(() => assistConversations.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    risk: text('risk').notNull(),
    emotion: text('emotion').notNull(),
    /** The last messages, personal data masked: [{ role, text }]. */
    excerpt: jsonb('excerpt').notNull(),
    note: text('note'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('assist_escalations_org_idx').on(t.organisationId, t.createdAt)],
);

/** A breathing pause an agent took from live assist: it ends their run of high-risk conversations. */
export const assistPauses = pgTable(
  'assist_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    seconds: integer('seconds').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assist_pauses_agent_idx').on(t.organisationId, t.agentId, t.takenAt)],
);

/**
 * An organisation's API token for chat tools (the live-assist stream). Only a SHA-256 hash
 * is stored; the token itself is shown once, when it is made. `prefix` lets an admin tell tokens apart.
 */
export const organisationApiTokens = pgTable(
  'organisation_api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('organisation_api_tokens_hash_key').on(t.tokenHash), index('organisation_api_tokens_org_idx').on(t.organisationId)],
);
