import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useExamList, type TExamSummary } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { teachAccess } from './access';
import { ExamCreateDrawer } from './exam-create-drawer';
import { useTeachLabels } from './labels';

/**
 * The exams of the organisation, each opening its results and statistics; trainers set new
 * ones from the question bank.
 */
export function ExamsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const access = teachAccess(session.roles);
  const examsQuery = useExamList();
  const [isCreateOpen, setCreateOpen] = useState(false);

  const columns: TableProps<TExamSummary>['columns'] = [
    {
      key: 'title',
      title: t('teach.exams.colTitle'),
      render: (_, exam) => (
        <Link to={`/learning/exam-admin/exams/${exam.id}`} data-testid={`teach-exam-open-${exam.id}`}>
          {labels.text(exam.title)}
        </Link>
      ),
    },
    {
      key: 'tags',
      title: t('teach.exams.colTags'),
      render: (_, exam) => (
        <Flex gap={4} wrap>
          {exam.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'count', title: t('teach.exams.colCount'), align: 'right', render: (_, exam) => t('teach.exams.questions', { count: exam.questionCount }) },
    { key: 'time', title: t('teach.exams.colTime'), align: 'right', render: (_, exam) => t('teach.common.minutes', { count: exam.timeLimitMinutes }) },
    { key: 'pass', title: t('teach.exams.colPass'), align: 'right', render: (_, exam) => exam.passMark },
    { key: 'attempts', title: t('teach.exams.colAttempts'), align: 'right', render: (_, exam) => t('teach.exams.attempts', { count: exam.maxAttempts, makeUps: exam.maxAttempts - 1 }) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, exam) => (
        <Button size="small" onClick={() => navigate(`/learning/exam-admin/exams/${exam.id}`)}>
          {t('teach.exams.results')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('teach.exams.title')}
      data-testid="teach-exams"
      extra={
        access.canAuthor && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="teach-exam-create">
            {t('teach.exams.create')}
          </Button>
        )
      }
    >
      {!access.canAuthor && <Typography.Paragraph type="secondary">{access.canSeeStatistics ? t('teach.exams.readOnly') : t('teach.exams.readOnlyTeams')}</Typography.Paragraph>}
      {examsQuery.isError && <Alert type="error" showIcon title={errorMessage(examsQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TExamSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={examsQuery.data ?? []}
        loading={examsQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: access.canAuthor ? t('teach.exams.emptyAuthor') : t('teach.exams.empty') }}
        onRow={(exam) => ({ 'data-testid': `teach-exam-row-${exam.id}` }) as HTMLAttributes<HTMLElement>}
      />
      {access.canAuthor && <ExamCreateDrawer open={isCreateOpen} onClose={() => setCreateOpen(false)} onCreated={(id) => navigate(`/learning/exam-admin/exams/${id}`)} />}
    </Card>
  );
}
