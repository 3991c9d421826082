import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Flex, Input, Row, Select, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuestionBank, type TQuestionFull } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { DIFFICULTY_COLOR, useTeachLabels } from './labels';
import { addQuizKey, MAX_QUIZ_QUESTIONS, moveItem, searchQuestions } from './lesson-form';

/** Search results shown at once; the trainer narrows by tag or text for more. */
const RESULTS_SHOWN = 30;

/**
 * A lesson's quiz picked from the question bank: the chosen questions in order (move, remove),
 * and the bank searched by tag and text to add more, ten at most. An antd form control over
 * the list of question keys.
 * @param props.value question keys in quiz order
 * @param props.onChange called with the new list
 */
export function QuizPicker({ value = [], onChange }: { value?: string[]; onChange?: (keys: string[]) => void }) {
  const { t } = useTranslation();
  const labels = useTeachLabels();
  const errorMessage = useErrorMessage();
  const bankQuery = useQuestionBank({ includeRetired: true });
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  const byKey = useMemo(() => new Map((bankQuery.data?.questions ?? []).map((question) => [question.key, question])), [bankQuery.data]);
  const results = useMemo(() => searchQuestions(bankQuery.data?.questions ?? [], search, tag).filter((question) => !value.includes(question.key)), [bankQuery.data, search, tag, value]);
  const isFull = value.length >= MAX_QUIZ_QUESTIONS;

  const describe = (question: TQuestionFull) => (
    <Flex gap={4} wrap align="center">
      <Tag style={{ marginInlineEnd: 0 }}>{labels.questionType(question.type)}</Tag>
      <Tag color={DIFFICULTY_COLOR[question.difficulty]} style={{ marginInlineEnd: 0 }}>
        {labels.difficulty(question.difficulty)}
      </Tag>
      {question.tags.map((name) => (
        <Typography.Text key={name} type="secondary" style={{ fontSize: 12 }}>
          #{name}
        </Typography.Text>
      ))}
    </Flex>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('teach.quiz.chosen', { count: value.length, max: MAX_QUIZ_QUESTIONS })}</Typography.Text>
        {value.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teach.quiz.none')} />
        ) : (
          <ol className="cd-teach-lessons" data-testid="teach-quiz-chosen">
            {value.map((key, index) => {
              const question = byKey.get(key);
              return (
                <li key={key} className="cd-teach-lessons__item" data-testid={`teach-quiz-item-${key}`}>
                  <span className="cd-teach-lessons__pos">{index + 1}</span>
                  <div className="cd-teach-lessons__main">
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: question?.stem }} style={{ marginBottom: 2 }}>
                      {question ? question.stem : <Typography.Text type="danger">{t('teach.quiz.missing', { key })}</Typography.Text>}
                    </Typography.Paragraph>
                    {question && (
                      <Flex gap={6} align="center" wrap>
                        {describe(question)}
                        {question.isRetired && <Tag color="red">{t('teach.questions.retired')}</Tag>}
                      </Flex>
                    )}
                  </div>
                  <Flex gap={2} style={{ flex: 'none' }}>
                    <Tooltip title={t('teach.common.moveUp')}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onChange?.(moveItem(value, index, -1))} aria-label={t('teach.common.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('teach.common.moveDown')}>
                      <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === value.length - 1} onClick={() => onChange?.(moveItem(value, index, 1))} aria-label={t('teach.common.moveDown')} />
                    </Tooltip>
                    <Tooltip title={t('teach.quiz.remove')}>
                      <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => onChange?.(value.filter((item) => item !== key))} aria-label={t('teach.quiz.remove')} data-testid={`teach-quiz-remove-${key}`} />
                    </Tooltip>
                  </Flex>
                </li>
              );
            })}
          </ol>
        )}
      </Col>
      <Col xs={24} lg={12}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Input.Search allowClear placeholder={t('teach.quiz.search')} aria-label={t('teach.quiz.search')} onChange={(event) => setSearch(event.target.value)} style={{ flex: '1 1 180px' }} data-testid="teach-quiz-search" />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('teach.quiz.tag')}
            aria-label={t('teach.quiz.tag')}
            value={tag}
            onChange={setTag}
            options={(bankQuery.data?.tags ?? []).map((entry) => ({ value: entry.tag, label: `${entry.tag} (${entry.count})` }))}
            style={{ flex: '1 1 160px' }}
            data-testid="teach-quiz-tag"
          />
        </Flex>
        {bankQuery.isError && <Alert type="error" showIcon title={errorMessage(bankQuery.error)} />}
        {isFull && <Alert type="info" showIcon title={t('teach.quiz.full', { max: MAX_QUIZ_QUESTIONS })} style={{ marginBottom: 8 }} />}
        <div className="cd-teach-quiz-results" data-testid="teach-quiz-results">
          {bankQuery.isPending ? (
            <Typography.Text type="secondary">{t('teach.common.loading')}</Typography.Text>
          ) : results.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teach.quiz.noResults')} />
          ) : (
            <ul className="cd-teach-lessons">
              {results.slice(0, RESULTS_SHOWN).map((question) => (
                <li key={question.id} className="cd-teach-lessons__item">
                  <div className="cd-teach-lessons__main">
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: question.stem }} style={{ marginBottom: 2 }}>
                      {question.stem}
                    </Typography.Paragraph>
                    {describe(question)}
                  </div>
                  <Button size="small" icon={<PlusOutlined />} disabled={isFull} onClick={() => onChange?.(addQuizKey(value, question.key))} data-testid={`teach-quiz-add-${question.key}`}>
                    {t('teach.quiz.add')}
                  </Button>
                </li>
              ))}
              {results.length > RESULTS_SHOWN && (
                <li className="cd-teach-lessons__item">
                  <Typography.Text type="secondary">{t('teach.quiz.more', { count: results.length - RESULTS_SHOWN })}</Typography.Text>
                </li>
              )}
            </ul>
          )}
        </div>
      </Col>
    </Row>
  );
}
