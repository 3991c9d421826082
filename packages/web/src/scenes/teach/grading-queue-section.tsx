import { Alert, Button, Card, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useExamAttempts, type TExamAttemptListItem } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useTeachLabels } from './labels';

/**
 * 待批改 (trainers): attempts handed in with short answers waiting for a mark, oldest first;
 * each opens the marking page.
 */
export function GradingQueueSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const queueQuery = useExamAttempts({ status: 'submitted' });
  const queue = [...(queueQuery.data ?? [])].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));

  const columns: TableProps<TExamAttemptListItem>['columns'] = [
    { key: 'person', title: t('teach.grading.colPerson'), render: (_, attempt) => <Typography.Text strong>{attempt.user.displayName}</Typography.Text> },
    { key: 'exam', title: t('teach.grading.colExam'), render: (_, attempt) => labels.text(attempt.examTitle) },
    {
      key: 'attempt',
      title: t('teach.grading.colAttempt'),
      render: (_, attempt) => (attempt.attemptNumber > 1 ? <Tag color="orange">{t('teach.common.makeUp', { count: attempt.attemptNumber - 1 })}</Tag> : t('teach.common.firstAttempt')),
    },
    { key: 'submitted', title: t('teach.grading.colSubmitted'), render: (_, attempt) => (attempt.submittedAt ? dayjs(attempt.submittedAt).format('YYYY-MM-DD HH:mm') : t('common.none')) },
    { key: 'objective', title: t('teach.grading.colObjective'), align: 'right', render: (_, attempt) => attempt.objectiveScore ?? t('common.none') },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, attempt) => (
        <Button type="primary" size="small" onClick={() => navigate(`/learning/exam-admin/attempts/${attempt.id}`)} data-testid={`teach-grading-open-${attempt.id}`}>
          {t('teach.grading.open')}
        </Button>
      ),
    },
  ];

  return (
    <Card variant="borderless" title={t('teach.grading.queueTitle', { count: queue.length })} data-testid="teach-grading-queue">
      <Typography.Paragraph type="secondary">{t('teach.grading.queueHint')}</Typography.Paragraph>
      {queueQuery.isError && <Alert type="error" showIcon title={errorMessage(queueQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TExamAttemptListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={queue}
        loading={queueQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('teach.grading.queueEmpty') }}
        onRow={(attempt) => ({ 'data-testid': `teach-grading-row-${attempt.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
