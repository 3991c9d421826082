import { describe, expect, it } from 'vitest';
import { examAdminSections, teachAccess } from './access';

describe('teachAccess', () => {
  it('gives trainers everything', () => {
    expect(teachAccess(['trainer'])).toEqual({ canOverview: true, canAuthor: true, canSeeResults: true, canSeeStatistics: true });
  });

  it('lets supervisors see progress and results of their teams, nothing to write', () => {
    expect(teachAccess(['supervisor'])).toEqual({ canOverview: true, canAuthor: false, canSeeResults: true, canSeeStatistics: false });
  });

  it('lets deputies and leaders read statistics but not author', () => {
    for (const role of ['deputy', 'leader'] as const) expect(teachAccess([role])).toMatchObject({ canAuthor: false, canSeeStatistics: true });
  });

  it('gives agents, mentors and admins none of these pages', () => {
    for (const role of ['agent', 'mentor', 'admin'] as const) expect(teachAccess([role])).toEqual({ canOverview: false, canAuthor: false, canSeeResults: false, canSeeStatistics: false });
  });
});

describe('examAdminSections', () => {
  it.each([
    { roles: ['trainer'] as const, expected: ['exams', 'grading', 'certificates'] },
    { roles: ['leader'] as const, expected: ['exams', 'certificates'] },
    { roles: ['supervisor'] as const, expected: ['exams'] },
    { roles: ['agent'] as const, expected: [] },
  ])('$roles sees $expected', ({ roles, expected }) => {
    expect(examAdminSections(roles)).toEqual(expected);
  });
});
