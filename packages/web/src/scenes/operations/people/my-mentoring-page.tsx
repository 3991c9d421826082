import { CheckCircleFilled, ClockCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMyMentoring, type TMyMentoring } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { TaskProgress } from './labels';

type TMentee = TMyMentoring['asMentor'][number];

/** One mentee at a glance: checklist progress, the next task, and their results in four numbers. */
function MenteeCard({ mentee }: { mentee: TMentee }) {
  const { t } = useTranslation();
  const { results } = mentee;
  return (
    <Card
      variant="borderless"
      title={mentee.mentee.displayName}
      extra={
        <Link to={`/my/mentoring/${mentee.id}`} data-testid={`my-mentee-open-${mentee.id}`}>
          <Button type="primary" size="small">
            {t('people.myMentoring.open')}
          </Button>
        </Link>
      }
      data-testid={`my-mentee-${mentee.mentee.id}`}
      data-name={mentee.mentee.displayName}
      style={{ height: '100%' }}
    >
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('people.myMentoring.since', { date: mentee.startedOn })}</Typography.Text>
        <TaskProgress done={mentee.tasksDone} total={mentee.tasksTotal} />
      </Flex>
      {mentee.nextTask && (
        <Typography.Paragraph style={{ fontSize: 13 }} ellipsis={{ rows: 2, tooltip: mentee.nextTask.title }}>
          <ClockCircleOutlined style={{ color: mentee.nextTask.dueOn && mentee.nextTask.dueOn < dayjs().format('YYYY-MM-DD') ? '#c0392b' : '#2f7d8c' }} /> {t('people.myMentoring.next')}
          {mentee.nextTask.dueOn ? `（${mentee.nextTask.dueOn}）` : ''}：{mentee.nextTask.title}
        </Typography.Paragraph>
      )}
      <Row gutter={8}>
        <Col span={6}>
          <Statistic title={t('people.myMentoring.courses')} value={`${results.coursesDone}/${results.courses}`} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.myMentoring.exams')} value={results.examAverage ?? '—'} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.myMentoring.roleplay')} value={results.roleplayAverage ?? '—'} styles={{ content: { fontSize: 18 } }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('people.myMentoring.qa')} value={results.qa.averageScore ?? '—'} suffix={results.qa.conversations > 0 ? <span style={{ fontSize: 12 }}>{t('people.myMentoring.qaCount', { count: results.qa.conversations })}</span> : undefined} styles={{ content: { fontSize: 18 } }} />
        </Col>
      </Row>
      {results.qa.missedEscalations > 0 && (
        <Typography.Text type="danger" style={{ fontSize: 13 }}>
          {t('people.myMentoring.missed', { count: results.qa.missedEscalations })}
        </Typography.Text>
      )}
    </Card>
  );
}

/** A new hire's own view: the mentor and the checklist (ticked by the mentor); notes are not shown here. */
function MyMentorCard({ mine }: { mine: NonNullable<TMyMentoring['asMentee']> }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('people.myMentoring.myMentor', { name: mine.mentorship.mentor.displayName })} extra={<TaskProgress done={mine.mentorship.tasksDone} total={mine.mentorship.tasksTotal} />} data-testid="my-mentor">
      <Typography.Paragraph type="secondary">{t('people.myMentoring.menteeIntro', { name: mine.mentorship.mentor.displayName, date: mine.mentorship.startedOn })}</Typography.Paragraph>
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('people.myMentoring.notesPrivate')} style={{ marginBottom: 12 }} />
      {(['checklist', 'milestone'] as const).map((kind) => (
        <div key={kind} style={{ marginBottom: 12 }}>
          <Typography.Title level={5}>{t(`people.mentorship.kind.${kind}`)}</Typography.Title>
          {mine.tasks
            .filter((task) => task.kind === kind)
            .map((task) => (
              <Flex key={task.id} gap={8} align="flex-start" style={{ padding: '4px 0' }} data-testid={`my-task-${task.id}`}>
                {task.doneAt ? <CheckCircleFilled style={{ color: '#2f7d8c', marginTop: 4 }} /> : <ClockCircleOutlined style={{ color: '#999', marginTop: 4 }} />}
                <Flex vertical gap={0}>
                  <Typography.Text type={task.doneAt ? 'secondary' : undefined}>{task.title}</Typography.Text>
                  {task.dueOn && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {task.doneAt ? t('people.myMentoring.doneOn', { date: dayjs(task.doneAt).format('YYYY-MM-DD') }) : t('people.mentorship.due', { date: task.dueOn })}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            ))}
        </div>
      ))}
    </Card>
  );
}

/**
 * 带教 at /my/mentoring: a mentor sees each mentee's progress and results (opening one for the
 * checklist, notes and details); a new hire sees their mentor and the first weeks' checklist.
 */
export default function MyMentoringPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mine = useMyMentoring();
  return (
    <div data-testid="my-mentoring-page">
      <MyHeader tab="mentoring" />
      {mine.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {mine.isError && <Alert type="error" showIcon title={errorMessage(mine.error)} />}
      {mine.data && (
        <Flex vertical gap={16}>
          {mine.data.asMentor.length > 0 && (
            <div data-testid="my-mentees">
              <Typography.Title level={5}>{t('people.myMentoring.mentees', { count: mine.data.asMentor.length })}</Typography.Title>
              <Row gutter={[16, 16]}>
                {mine.data.asMentor.map((mentee) => (
                  <Col key={mentee.id} xs={24} md={12} xl={8}>
                    <MenteeCard mentee={mentee} />
                  </Col>
                ))}
              </Row>
            </div>
          )}
          {mine.data.asMentee && <MyMentorCard mine={mine.data.asMentee} />}
          {mine.data.asMentor.length === 0 && !mine.data.asMentee && (
            <Card variant="borderless">
              <Empty description={t('people.myMentoring.none')} data-testid="my-mentoring-empty" />
            </Card>
          )}
        </Flex>
      )}
    </div>
  );
}
