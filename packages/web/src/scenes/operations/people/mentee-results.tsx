import { Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TMentorshipDetail } from '../../../api/people';
import { day, useText } from './labels';

type TResults = TMentorshipDetail['results'];

const scoreColour = (score: number | null) => (score === null ? undefined : score >= 80 ? '#2f7d8c' : score >= 60 ? '#b7791f' : '#c0392b');

/** Courses with lessons done, and the exam attempts with their scores. */
function LearningCard({ results }: { results: TResults }) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <Card variant="borderless" size="small" title={t('people.results.learning')} data-testid="mentee-courses" style={{ height: '100%' }}>
      {results.courses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.results.noCourses')} />
      ) : (
        <Flex vertical gap={8}>
          {results.courses.map((course) => (
            <div key={course.courseId}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text ellipsis>{text(course.title)}</Typography.Text>
                <Typography.Text type={course.completedAt ? 'success' : 'secondary'} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                  {course.completedAt ? t('people.results.completedOn', { date: day(course.completedAt) }) : t('people.results.lessons', { done: course.lessonsDone, total: course.lessonCount })}
                </Typography.Text>
              </Flex>
              <Progress percent={course.lessonCount === 0 ? 0 : Math.round((100 * course.lessonsDone) / course.lessonCount)} showInfo={false} size="small" strokeColor="#2f7d8c" style={{ margin: 0 }} />
            </div>
          ))}
        </Flex>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('people.results.exams')}
      </Typography.Title>
      {results.exams.length === 0 ? (
        <Typography.Text type="secondary" data-testid="mentee-exams-empty">
          {t('people.results.noExams')}
        </Typography.Text>
      ) : (
        <Table
          rowKey="attemptId"
          size="small"
          pagination={false}
          dataSource={results.exams}
          data-testid="mentee-exams"
          columns={[
            { title: t('people.results.exam'), key: 'exam', render: (_, exam) => text(exam.examTitle) },
            { title: t('people.results.attempt'), dataIndex: 'attemptNumber', width: 70 },
            {
              title: t('people.results.score'),
              key: 'score',
              width: 110,
              render: (_, exam) =>
                exam.score === null ? (
                  <Tag>{t(exam.status === 'in_progress' ? 'people.results.inProgress' : 'people.results.awaitingGrade')}</Tag>
                ) : (
                  <Flex gap={6} align="center">
                    <span style={{ color: scoreColour(exam.score), fontWeight: 600 }}>{exam.score}</span>
                    <Tag color={exam.isPassed ? 'success' : 'error'} style={{ marginInlineEnd: 0 }}>
                      {exam.isPassed ? t('people.results.passed') : t('people.results.failed')}
                    </Tag>
                  </Flex>
                ),
            },
            { title: t('people.results.date'), key: 'date', width: 100, render: (_, exam) => day(exam.submittedAt) },
          ]}
        />
      )}
    </Card>
  );
}

/** Role-play: attempts, the average, each scenario's best, the latest tries. */
function RoleplayCard({ results }: { results: TResults }) {
  const { t } = useTranslation();
  const text = useText();
  const { roleplay } = results;
  return (
    <Card variant="borderless" size="small" title={t('people.results.roleplay')} data-testid="mentee-roleplay" style={{ height: '100%' }}>
      <Row gutter={12}>
        <Col span={8}>
          <Statistic title={t('people.results.attempts')} value={roleplay.attempts} />
        </Col>
        <Col span={8}>
          <Statistic title={t('people.results.finished')} value={roleplay.finished} />
        </Col>
        <Col span={8}>
          <Statistic title={t('people.results.average')} value={roleplay.averageScore ?? '—'} styles={{ content: { color: scoreColour(roleplay.averageScore) } }} />
        </Col>
      </Row>
      {roleplay.bestByScenario.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('people.results.noRoleplay')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('people.results.bestByScenario')}
          </Typography.Title>
          <Flex vertical gap={6}>
            {roleplay.bestByScenario.map((scenario) => (
              <Flex key={scenario.scenarioId} justify="space-between" gap={8} data-testid="mentee-roleplay-best">
                <Typography.Text ellipsis={{ tooltip: text(scenario.title) }}>{text(scenario.title)}</Typography.Text>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                  <span style={{ color: scoreColour(scenario.bestScore), fontWeight: 600 }}>{scenario.bestScore}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {t('people.results.tries', { count: scenario.attempts })}
                  </Typography.Text>
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('people.results.recent')}
          </Typography.Title>
          <Flex vertical gap={4}>
            {roleplay.recent.map((attempt) => (
              <Flex key={attempt.id} justify="space-between" gap={8}>
                <Link to={`/roleplay/attempts/${attempt.id}`} style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ color: 'inherit' }}>
                    {day(attempt.startedAt)} · {text(attempt.scenarioTitle)}
                  </Typography.Text>
                </Link>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                  {attempt.outcome ? t(`people.results.outcome.${attempt.outcome}` as 'people.results.outcome.resolved', { defaultValue: attempt.outcome }) : t('people.results.unfinished')}
                  {attempt.total !== null && <span style={{ color: scoreColour(attempt.total), fontWeight: 600 }}>{` ${attempt.total}`}</span>}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}

/** Transcript QA of real conversations: count, average, missed escalations, language issues, the worst few. */
function QaCard({ results, canOpen }: { results: TResults; canOpen: boolean }) {
  const { t } = useTranslation();
  const { qa } = results;
  return (
    <Card variant="borderless" size="small" title={t('people.results.qa')} data-testid="mentee-qa" style={{ height: '100%' }}>
      <Row gutter={12}>
        <Col span={6}>
          <Statistic title={t('people.results.conversations')} value={qa.conversations} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.results.qaAverage')} value={qa.averageScore ?? '—'} styles={{ content: { color: scoreColour(qa.averageScore) } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.results.missed')} value={qa.missedEscalations} styles={{ content: { color: qa.missedEscalations > 0 ? '#c0392b' : undefined } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.results.languageIssues')} value={qa.languageIssues} styles={{ content: { color: qa.languageIssues > 0 ? '#b7791f' : undefined } }} />
        </Col>
      </Row>
      {qa.conversations === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('people.results.noQa')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('people.results.toReview')}
          </Typography.Title>
          <Flex vertical gap={4}>
            {qa.lowest.map((conversation) => {
              const label = (
                <>
                  {day(conversation.startedAt)} · {t('people.results.scoreOf', { score: conversation.score ?? '—' })}
                  {conversation.isEscalationMissed && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('people.results.missedTag')}
                    </Tag>
                  )}
                </>
              );
              return (
                <div key={conversation.id} data-testid="mentee-qa-conversation">
                  {canOpen ? <Link to={`/qa/conversations/${conversation.id}`}>{label}</Link> : label}
                </div>
              );
            })}
          </Flex>
          {!canOpen && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              {t('people.results.qaNoAccess')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

/** What a mentor sees of a mentee's training, read-only, from learning, exams, role-play and transcript QA. */
export function MenteeResults({ detail }: { detail: TMentorshipDetail }) {
  return (
    <Row gutter={[16, 16]} data-testid="mentee-results">
      <Col xs={24} lg={8}>
        <LearningCard results={detail.results} />
      </Col>
      <Col xs={24} lg={8}>
        <RoleplayCard results={detail.results} />
      </Col>
      <Col xs={24} lg={8}>
        <QaCard results={detail.results} canOpen={detail.canOpenQa} />
      </Col>
    </Row>
  );
}
