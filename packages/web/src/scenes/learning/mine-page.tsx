import { CheckCircleFilled, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProgress, type TEnrolment } from '../../api/learning';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { DueDate, SectionError } from './parts';
import { continuePath, isCourseOverdue, percentDone } from './progress';

/** Open courses first (overdue, then by due date), completed ones last (latest first). */
function byUrgency(today: string) {
  return (a: TEnrolment, b: TEnrolment) => {
    const doneA = a.completedAt !== null;
    const doneB = b.completedAt !== null;
    if (doneA !== doneB) return doneA ? 1 : -1;
    if (doneA) return (b.completedAt ?? '').localeCompare(a.completedAt ?? '');
    const lateA = isCourseOverdue(a.dueDate, today, null);
    const lateB = isCourseOverdue(b.dueDate, today, null);
    if (lateA !== lateB) return lateA ? -1 : 1;
    return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || b.startedAt.localeCompare(a.startedAt);
  };
}

/**
 * My learning at /learning/mine: every course I joined or was given, with a progress bar,
 * due date (overdue in red), when I started and finished, and a button to resume.
 */
export default function MyLearningPage() {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const progressQuery = useProgress();
  const today = dayjs().format('YYYY-MM-DD');

  const enrolments = [...(progressQuery.data ?? [])].sort(byUrgency(today));
  const active = enrolments.filter((item) => item.completedAt === null).length;

  return (
    <div data-testid="learning-mine">
      <LearningHeader tab="mine" />
      {progressQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : progressQuery.isError ? (
        <SectionError error={progressQuery.error} onRetry={() => void progressQuery.refetch()} />
      ) : enrolments.length === 0 ? (
        <Empty description={t('learn.mine.empty')} data-testid="learning-mine-empty">
          <Link to="/learning">
            <Button type="primary">{t('learn.mine.toCatalogue')}</Button>
          </Link>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('learn.mine.summary', { active, done: enrolments.length - active })}</Typography.Paragraph>
          <Flex vertical gap={12}>
            {enrolments.map((item) => {
              const isDone = item.completedAt !== null;
              const overdue = isCourseOverdue(item.dueDate, today, item.completedAt);
              return (
                <Card key={item.courseId} variant="borderless" size="small" className={`cd-learning-mine${overdue ? ' cd-learning-mine--overdue' : ''}`} data-testid={`learning-mine-${item.courseId}`} data-overdue={overdue}>
                  <Flex gap={16} align="center" wrap>
                    <div style={{ flex: '1 1 280px', minWidth: 0 }}>
                      <Flex gap={8} align="center" wrap>
                        <Link to={`/learning/courses/${encodeURIComponent(item.courseId)}`} className="cd-learning-card__title">
                          {labels.text(item.title)}
                        </Link>
                        {isDone ? (
                          <Tag color="success" icon={<CheckCircleFilled />}>
                            {t('learn.common.completed')}
                          </Tag>
                        ) : (
                          <Tag color="processing">{t('learn.common.inProgress')}</Tag>
                        )}
                        <DueDate dueDate={item.dueDate} completedAt={item.completedAt} testId={`learning-mine-due-${item.courseId}`} />
                      </Flex>
                      <Progress percent={percentDone(item.lessonsDone, item.lessonCount)} size="small" status={isDone ? 'success' : overdue ? 'exception' : 'active'} style={{ margin: '6px 0 2px' }} />
                      <Flex gap={16} wrap>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('learn.common.progress', { done: item.lessonsDone, total: item.lessonCount })}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t('learn.mine.started', { date: labels.date(item.startedAt) })}
                        </Typography.Text>
                        {item.completedAt && (
                          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                            {t('learn.mine.completed', { date: labels.date(item.completedAt) })}
                          </Typography.Text>
                        )}
                      </Flex>
                    </div>
                    <Link to={continuePath(item)}>
                      <Button type={isDone ? 'default' : 'primary'} icon={<PlayCircleOutlined />} data-testid={`learning-mine-resume-${item.courseId}`}>
                        {isDone ? t('learn.common.review') : item.lessonsDone === 0 ? t('learn.common.start') : t('learn.common.continue')}
                      </Button>
                    </Link>
                  </Flex>
                </Card>
              );
            })}
          </Flex>
        </>
      )}
    </div>
  );
}
