import { LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useExamList, useSetExamPublished, type TExamSummary } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { teachAccess } from './access';
import { ExamCreateDrawer } from './exam-create-drawer';
import { useTeachLabels } from './labels';

/**
 * The exams of the organisation, closed ones marked, each opening its results and statistics;
 * trainers set new ones from the question bank and close an exam to new attempts or reopen it.
 */
export function ExamsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const access = teachAccess(session.roles);
  const examsQuery = useExamList();
  const setPublished = useSetExamPublished();
  const [isCreateOpen, setCreateOpen] = useState(false);

  const changePublished = (exam: TExamSummary, isPublished: boolean) =>
    setPublished.mutateAsync({ id: exam.id, isPublished }).then(
      () => void message.success(isPublished ? t('teach.exams.reopened', { title: labels.text(exam.title) }) : t('teach.exams.closedNow', { title: labels.text(exam.title) })),
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const confirmClose = (exam: TExamSummary) =>
    void modal.confirm({
      title: t('teach.exams.closeTitle', { title: labels.text(exam.title) }),
      content: t('teach.exams.closeBody'),
      okText: t('teach.exams.close'),
      okButtonProps: { danger: true, 'data-testid': 'teach-exam-close-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: () => changePublished(exam, false),
    });

  const columns: TableProps<TExamSummary>['columns'] = [
    {
      key: 'title',
      title: t('teach.exams.colTitle'),
      render: (_, exam) => (
        <Flex gap={8} align="center" wrap>
          <Link to={`/learning/exam-admin/exams/${exam.id}`} data-testid={`teach-exam-open-${exam.id}`}>
            {labels.text(exam.title)}
          </Link>
          {!exam.isPublished && (
            <Tag icon={<LockOutlined />} style={{ marginInlineEnd: 0 }} data-testid={`teach-exam-closed-${exam.id}`}>
              {t('teach.exams.closed')}
            </Tag>
          )}
        </Flex>
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
      render: (_, exam) => {
        const isChanging = setPublished.isPending && setPublished.variables.id === exam.id;
        return (
          <Flex gap={8}>
            <Button size="small" onClick={() => navigate(`/learning/exam-admin/exams/${exam.id}`)}>
              {t('teach.exams.results')}
            </Button>
            {access.canAuthor &&
              (exam.isPublished ? (
                <Button size="small" danger icon={<LockOutlined />} loading={isChanging} onClick={() => confirmClose(exam)} data-testid={`teach-exam-close-${exam.id}`}>
                  {t('teach.exams.close')}
                </Button>
              ) : (
                <Button size="small" icon={<UnlockOutlined />} loading={isChanging} onClick={() => void changePublished(exam, true)} data-testid={`teach-exam-reopen-${exam.id}`}>
                  {t('teach.exams.reopen')}
                </Button>
              ))}
          </Flex>
        );
      },
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
        onRow={(exam) => ({ 'data-testid': `teach-exam-row-${exam.id}`, 'data-published': exam.isPublished }) as HTMLAttributes<HTMLElement>}
      />
      {access.canAuthor && <ExamCreateDrawer open={isCreateOpen} onClose={() => setCreateOpen(false)} onCreated={(id) => navigate(`/learning/exam-admin/exams/${id}`)} />}
    </Card>
  );
}
