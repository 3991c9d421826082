import {
  ZAdoptSuggestionRequest,
  ZComputeSelectionRequest,
  ZConfirmSelectionRequest,
  ZCreateMentorshipRequest,
  ZCreateRecordRequest,
  ZCreateSuggestionRequest,
  ZDeclineSuggestionRequest,
  ZEndMentorshipRequest,
  ZIdParams,
  ZManualPointRequest,
  ZMentoringOverview,
  ZMentorshipDetail,
  ZMentorshipNoteRequest,
  ZMentorshipSummary,
  ZMentorshipTaskDoneRequest,
  ZMentorshipTaskRequest,
  ZMyMentoring,
  ZMyPoints,
  ZMyRecords,
  ZPersonRecord,
  ZPointEntry,
  ZPointLedger,
  ZPointLedgerQuery,
  ZPointRanking,
  ZPointRankingQuery,
  ZPointRules,
  ZRecordList,
  ZRecordListQuery,
  ZSelection,
  ZSelectionList,
  ZSuggestion,
  ZSuggestionList,
  ZSuggestionQuery,
  ZUpdatePointRulesRequest,
  type TRole,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { addMentorshipNote, addMentorshipTask, createMentorship, endMentorship, getMentorship, mentoringOverview, myMentoring, setMentorshipTaskDone } from '../services/mentoring.service.js';
import { addManualPoints, listPointRules, myPoints, pointLedger, pointRanking, updatePointRules } from '../services/points.service.js';
import { createRecord, getRecord, listMyRecords, listRecords } from '../services/record.service.js';
import { computeSelection, confirmSelection, getSelection, listSelections } from '../services/selection.service.js';
import { adoptSuggestion, declineSuggestion, listMySuggestions, listSuggestions, submitSuggestion } from '../services/suggestion.service.js';

const tags = ['operations: people'];
const TRAINING_GROUP: readonly TRole[] = ['trainer', 'deputy', 'leader'];
/** Supervisors (their teams) and the training group (everyone). */
const MANAGERS: readonly TRole[] = ['supervisor', ...TRAINING_GROUP];
/** A mentor writes in their own mentorships; the training group in any. */
const COACH_WRITERS: readonly TRole[] = ['mentor', ...TRAINING_GROUP];

/** Mentoring, person records, points, suggestions, excellent-trainee selection (SPEC §2.7, §2.10): /api/ops/mentoring/*, /api/ops/records/*, /api/ops/points/*, /api/ops/suggestions/*, /api/ops/selections/*, and /api/ops/my/* for the caller's own. */
export function registerPeopleRoutes(app: TRouteApp, deps: TDeps): void {
  // Mentoring
  app.get(
    '/api/ops/mentoring',
    { config: { access: MANAGERS }, schema: { tags, summary: 'New hires and their mentors (those without first), active mentorships, people who may mentor', response: { 200: ZMentoringOverview } } },
    async (request) => mentoringOverview(deps, requireAuth(request)),
  );
  app.post(
    '/api/ops/mentoring',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Give a person a mentor, with the default first-weeks checklist and milestones', body: ZCreateMentorshipRequest, response: { 201: ZMentorshipSummary } } },
    async (request, reply) => reply.code(201).send(await createMentorship(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get(
    '/api/ops/mentoring/:id',
    { config: { access: ['mentor', ...MANAGERS] }, schema: { tags, summary: 'A mentorship: checklist, the mentee’s results, and coaching notes (mentor and training group only)', params: ZIdParams, response: { 200: ZMentorshipDetail } } },
    async (request) => getMentorship(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/ops/mentoring/:id/end',
    { config: { access: MANAGERS }, schema: { tags, summary: 'End a mentorship; its records stay', params: ZIdParams, body: ZEndMentorshipRequest, response: { 200: ZMentorshipSummary } } },
    async (request) => endMentorship(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/api/ops/mentoring/:id/notes',
    { config: { access: COACH_WRITERS }, schema: { tags, summary: 'Add a coaching note (private to the mentor and the training group)', params: ZIdParams, body: ZMentorshipNoteRequest, response: { 200: ZMentorshipDetail } } },
    async (request) => addMentorshipNote(deps, requireAuth(request), request.params.id, request.body.body, request.ip),
  );
  app.post(
    '/api/ops/mentoring/:id/tasks',
    { config: { access: COACH_WRITERS }, schema: { tags, summary: 'Add a checklist item or milestone', params: ZIdParams, body: ZMentorshipTaskRequest, response: { 200: ZMentorshipDetail } } },
    async (request) => addMentorshipTask(deps, requireAuth(request), request.params.id, request.body),
  );
  app.put(
    '/api/ops/mentoring/tasks/:id/done',
    { config: { access: COACH_WRITERS }, schema: { tags, summary: 'Tick or untick a checklist item or milestone', params: ZIdParams, body: ZMentorshipTaskDoneRequest, response: { 200: ZMentorshipDetail } } },
    async (request) => setMentorshipTaskDone(deps, requireAuth(request), request.params.id, request.body.isDone),
  );
  app.get('/api/ops/my/mentoring', { config: { access: 'any' }, schema: { tags, summary: 'My mentees (as a mentor) and my mentor with my checklist (as a new hire)', response: { 200: ZMyMentoring } } }, async (request) =>
    myMentoring(deps, requireAuth(request)),
  );

  // Person records
  app.get(
    '/api/ops/records',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Warnings, deductions, re-training and discipline of my teams (supervisor) or everyone (training group)', querystring: ZRecordListQuery, response: { 200: ZRecordList } } },
    async (request) => listRecords(deps, requireAuth(request), request.query),
  );
  app.get('/api/ops/records/:id', { config: { access: MANAGERS }, schema: { tags, summary: 'One record', params: ZIdParams, response: { 200: ZPersonRecord } } }, async (request) =>
    getRecord(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/ops/records',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Add a record; re-training assigns a course and/or a role-play scenario', body: ZCreateRecordRequest, response: { 201: ZPersonRecord } } },
    async (request, reply) => reply.code(201).send(await createRecord(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get('/api/ops/my/records', { config: { access: 'any' }, schema: { tags, summary: 'My own records', response: { 200: ZMyRecords } } }, async (request) => listMyRecords(deps, requireAuth(request)));

  // Points
  app.get('/api/ops/points/rules', { config: { access: 'any' }, schema: { tags, summary: 'The point rules', response: { 200: ZPointRules } } }, async (request) => ({
    rules: await listPointRules(deps, requireAuth(request).organisationId),
  }));
  app.put(
    '/api/ops/points/rules',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Change points, thresholds and on/off of the rules', body: ZUpdatePointRulesRequest, response: { 200: ZPointRules } } },
    async (request) => updatePointRules(deps, requireAuth(request), request.body.rules, request.ip),
  );
  app.get('/api/ops/my/points', { config: { access: 'any' }, schema: { tags, summary: 'My balance, history and the rules', response: { 200: ZMyPoints } } }, async (request) => myPoints(deps, requireAuth(request)));
  app.get(
    '/api/ops/points/ledger',
    { config: { access: MANAGERS }, schema: { tags, summary: 'The ledger of my teams (supervisor) or everyone (training group)', querystring: ZPointLedgerQuery, response: { 200: ZPointLedger } } },
    async (request) => pointLedger(deps, requireAuth(request), request.query),
  );
  app.get(
    '/api/ops/points/ranking',
    { config: { access: MANAGERS }, schema: { tags, summary: 'Ranking by points earned in a period', querystring: ZPointRankingQuery, response: { 200: ZPointRanking } } },
    async (request) => pointRanking(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/ops/points/entries',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'A manual entry (+/−) with a reason', body: ZManualPointRequest, response: { 201: ZPointEntry } } },
    async (request, reply) => reply.code(201).send(await addManualPoints(deps, requireAuth(request), request.body, request.ip)),
  );

  // Innovation suggestions
  app.post(
    '/api/ops/suggestions',
    { config: { access: 'any' }, schema: { tags, summary: 'Submit an innovation suggestion', body: ZCreateSuggestionRequest, response: { 201: ZSuggestion } } },
    async (request, reply) => reply.code(201).send(await submitSuggestion(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get('/api/ops/my/suggestions', { config: { access: 'any' }, schema: { tags, summary: 'My suggestions and their status', response: { 200: ZSuggestionList } } }, async (request) =>
    listMySuggestions(deps, requireAuth(request)),
  );
  app.get(
    '/api/ops/suggestions',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Every suggestion, to review', querystring: ZSuggestionQuery, response: { 200: ZSuggestionList } } },
    async (request) => listSuggestions(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/ops/suggestions/:id/adopt',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Adopt a suggestion: the author earns the suggestion_adopted points once and is told', params: ZIdParams, body: ZAdoptSuggestionRequest, response: { 200: ZSuggestion } } },
    async (request) => adoptSuggestion(deps, requireAuth(request), request.params.id, request.body.note, request.ip),
  );
  app.post(
    '/api/ops/suggestions/:id/decline',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Decline a suggestion with a note to the author', params: ZIdParams, body: ZDeclineSuggestionRequest, response: { 200: ZSuggestion } } },
    async (request) => declineSuggestion(deps, requireAuth(request), request.params.id, request.body.note, request.ip),
  );

  // Excellent-trainee selection
  app.get('/api/ops/selections', { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Half-yearly excellent-trainee selections', response: { 200: ZSelectionList } } }, async (request) =>
    listSelections(deps, requireAuth(request)),
  );
  app.post(
    '/api/ops/selections',
    { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'Compute a half-year’s ranking with these weights and make the shortlist', body: ZComputeSelectionRequest, response: { 200: ZSelection } } },
    async (request) => computeSelection(deps, requireAuth(request), request.body, request.ip),
  );
  app.get('/api/ops/selections/:id', { config: { access: TRAINING_GROUP }, schema: { tags, summary: 'A selection with its ranking (parts shown)', params: ZIdParams, response: { 200: ZSelection } } }, async (request) =>
    getSelection(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/ops/selections/:id/confirm',
    { config: { access: ['leader'] }, schema: { tags, summary: 'The leader confirms the chosen people; certificates are issued and they are told', params: ZIdParams, body: ZConfirmSelectionRequest, response: { 200: ZSelection } } },
    async (request) => confirmSelection(deps, requireAuth(request), request.params.id, request.body.chosenUserIds, request.ip),
  );
}
