import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestionBank, useSetQuestionRetired, type TQuestionFull } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { DIFFICULTY_COLOR, useTeachLabels } from './labels';
import { QuestionDrawer } from './question-drawer';
import { QUESTION_TYPES, type TQuestionType } from './question-form';

/** Typing in the search box asks the server after this pause, not on every key. */
const SEARCH_DELAY_MS = 300;

/**
 * 题库 under 内容编辑: the organisation's question bank filtered by tag, type and text (retired
 * questions on request), with difficulty, tags and how many lessons use each; create and edit
 * in a drawer; retire and restore.
 */
export function QuestionsSection() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const [tag, setTag] = useState<string | undefined>();
  const [type, setType] = useState<TQuestionType | undefined>();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [isRetiredShown, setRetiredShown] = useState(false);
  const [editing, setEditing] = useState<{ question: TQuestionFull | null } | null>(null);
  const bankQuery = useQuestionBank({ tag, type, q: search.trim() || undefined, includeRetired: isRetiredShown });
  const allTagsQuery = useQuestionBank({ includeRetired: true });
  const setRetired = useSetQuestionRetired();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(draft), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const tags = useMemo(() => allTagsQuery.data?.tags ?? bankQuery.data?.tags ?? [], [allTagsQuery.data, bankQuery.data]);
  const questions = bankQuery.data?.questions ?? [];

  const retire = (question: TQuestionFull) =>
    void modal.confirm({
      title: t('teach.questions.retireTitle'),
      content: question.usedInLessons > 0 ? t('teach.questions.retireUsed', { count: question.usedInLessons }) : t('teach.questions.retireBody'),
      okText: t('teach.questions.retire'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-retire' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        setRetired.mutateAsync({ id: question.id, isRetired: true }).then(
          () => void message.success(t('teach.questions.retired')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const restore = (question: TQuestionFull) =>
    setRetired.mutate(
      { id: question.id, isRetired: false },
      { onSuccess: () => void message.success(t('teach.questions.restored')), onError: (err) => void message.error(errorMessage(err)) },
    );

  const columns: TableProps<TQuestionFull>['columns'] = [
    {
      key: 'stem',
      title: t('teach.questions.colStem'),
      render: (_, question) => (
        <div style={{ maxWidth: 520 }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: question.stem }} style={{ marginBottom: 2 }}>
            {question.stem}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {question.key}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'type', title: t('teach.questions.colType'), render: (_, question) => labels.questionType(question.type) },
    {
      key: 'difficulty',
      title: t('teach.questions.colDifficulty'),
      sorter: (a, b) => a.difficulty - b.difficulty,
      render: (_, question) => <Tag color={DIFFICULTY_COLOR[question.difficulty]}>{labels.difficulty(question.difficulty)}</Tag>,
    },
    {
      key: 'tags',
      title: t('teach.questions.colTags'),
      render: (_, question) => (
        <Flex gap={4} wrap style={{ maxWidth: 240 }}>
          {question.tags.map((name) => (
            <Tag key={name} style={{ marginInlineEnd: 0, cursor: 'pointer' }} onClick={() => setTag(name)}>
              {name}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'used',
      title: t('teach.questions.colUsed'),
      align: 'right',
      sorter: (a, b) => a.usedInLessons - b.usedInLessons,
      render: (_, question) => (question.usedInLessons === 0 ? <Typography.Text type="secondary">0</Typography.Text> : t('teach.questions.usedIn', { count: question.usedInLessons })),
    },
    {
      key: 'origin',
      title: t('teach.questions.colOrigin'),
      responsive: ['lg'],
      render: (_, question) => (
        <Flex gap={4} wrap>
          <Tag color={question.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${question.origin}`)}</Tag>
          {question.isEdited && <Tag color="gold">{t('teach.common.edited')}</Tag>}
          {question.isRetired && <Tag color="red">{t('teach.questions.retired')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, question) => (
        <Flex gap={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => setEditing({ question })} aria-label={t('common.edit')} data-testid={`teach-question-edit-${question.key}`} />
          </Tooltip>
          {question.isRetired ? (
            <Tooltip title={t('teach.questions.restore')}>
              <Button type="text" size="small" icon={<UndoOutlined />} onClick={() => restore(question)} aria-label={t('teach.questions.restore')} data-testid={`teach-question-restore-${question.key}`} />
            </Tooltip>
          ) : (
            <Tooltip title={t('teach.questions.retire')}>
              <Button type="text" size="small" danger icon={<StopOutlined />} onClick={() => retire(question)} aria-label={t('teach.questions.retire')} data-testid={`teach-question-retire-${question.key}`} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('teach.questions.title')}
      data-testid="teach-questions"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ question: null })} data-testid="teach-question-create">
          {t('teach.questions.create')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('teach.questions.search')}
          aria-label={t('teach.questions.search')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onSearch={(value) => {
            setDraft(value);
            setSearch(value);
          }}
          style={{ width: 240 }}
          data-testid="teach-questions-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('teach.questions.filterTag')}
          aria-label={t('teach.questions.filterTag')}
          value={tag}
          onChange={setTag}
          options={tags.map((entry) => ({ value: entry.tag, label: `${entry.tag} (${entry.count})` }))}
          style={{ width: 220 }}
          data-testid="teach-questions-filter-tag"
        />
        <Select
          allowClear
          placeholder={t('teach.questions.filterType')}
          aria-label={t('teach.questions.filterType')}
          value={type}
          onChange={setType}
          options={QUESTION_TYPES.map((code) => ({ value: code, label: labels.questionType(code) }))}
          style={{ width: 160 }}
          data-testid="teach-questions-filter-type"
        />
        <Checkbox checked={isRetiredShown} onChange={(event) => setRetiredShown(event.target.checked)} style={{ alignSelf: 'center' }}>
          <span data-testid="teach-questions-filter-retired">{t('teach.questions.includeRetired')}</span>
        </Checkbox>
      </Flex>
      {bankQuery.isError && <Alert type="error" showIcon title={errorMessage(bankQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TQuestionFull>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={questions}
        loading={bankQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: tag || type || search ? t('teach.questions.noMatch') : t('teach.questions.empty') }}
        rowClassName={(question) => (question.isRetired ? 'cd-teach-row--retired' : '')}
        onRow={(question) => ({ 'data-testid': `teach-question-row-${question.key}` }) as HTMLAttributes<HTMLElement>}
      />
      <QuestionDrawer
        open={editing !== null}
        question={editing?.question ?? null}
        onClose={() => setEditing(null)}
        tagOptions={tags.map((entry) => entry.tag)}
        initialTag={tag}
      />
    </Card>
  );
}
