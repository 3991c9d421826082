import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, CloseOutlined, DeleteOutlined, EyeOutlined, FileTextOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { SURVEY_TOPICS, surveyTemplate, type TSurveyDetail } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, Dropdown, Empty, Flex, Input, Modal, Radio, Result, Row, Select, Skeleton, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../../api/client';
import { useSaveSurvey, useSurvey } from '../../../api/surveys';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { currentLocale } from '../../../i18n';
import { OpsHeader } from '../ops-header';
import {
  builderInput,
  builderIssues,
  builderStateOf,
  changeQuestionType,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  moveQuestion,
  newQuestion,
  placeServerIssues,
  quarterChoices,
  quarterOf,
  type TBuilderQuestion,
  type TBuilderState,
  type TQuestionType,
} from './builder';
import { useSurveyLabels } from './labels';
import { SendSurveyDrawer } from './send-drawer';
import { SurveyForm } from './survey-form';

const QUESTION_TYPES: TQuestionType[] = ['likert', 'single', 'multiple', 'text'];

/** An error line under a field. */
function FieldError({ message, testId }: { message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <Typography.Text type="danger" style={{ display: 'block', fontSize: 13, marginTop: 4 }} data-testid={testId}>
      {message}
    </Typography.Text>
  );
}

/** A labelled block of the form. */
function Field({ label, children, help }: { label: string; children: ReactNode; help?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {label}
      </Typography.Text>
      {children}
      {help && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {help}
        </Typography.Text>
      )}
    </div>
  );
}

/** One question in the builder: type, prompt, options, required, topic; move and remove. */
function QuestionEditor({
  question,
  index,
  count,
  issues,
  onChange,
  onMove,
  onRemove,
}: {
  question: TBuilderQuestion;
  index: number;
  count: number;
  issues: Record<string, string>;
  onChange: (next: TBuilderQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  const isChoice = question.type === 'single' || question.type === 'multiple';
  const prefix = `questions.${index}`;
  return (
    <Card size="small" data-testid={`builder-question-${index}`} data-question-id={question.id} style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 10 }}>
        <Flex align="center" gap={8} wrap>
          <Tag color="#2f7d8c" style={{ marginInlineEnd: 0 }}>
            {t('surveys.builder.questionNumber', { number: index + 1 })}
          </Tag>
          <Select<TQuestionType>
            value={question.type}
            onChange={(type) => onChange(changeQuestionType(question, type))}
            options={QUESTION_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
            style={{ width: 150 }}
            aria-label={t('surveys.builder.type')}
            data-testid={`builder-question-${index}-type`}
          />
          <Select
            value={question.topic}
            onChange={(topic: string | undefined) => onChange({ ...question, topic })}
            options={SURVEY_TOPICS.map((topic) => ({ value: topic, label: labels.topic(topic) }))}
            allowClear
            placeholder={t('surveys.builder.topicPlaceholder')}
            style={{ width: 150 }}
            aria-label={t('surveys.builder.topic')}
            data-testid={`builder-question-${index}-topic`}
          />
          <Flex align="center" gap={6}>
            <Switch size="small" checked={question.isRequired} onChange={(isRequired) => onChange({ ...question, isRequired })} data-testid={`builder-question-${index}-required`} />
            <Typography.Text>{t('surveys.builder.required')}</Typography.Text>
          </Flex>
        </Flex>
        <Flex gap={4}>
          <Tooltip title={t('surveys.builder.moveUp')}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('surveys.builder.moveUp')} data-testid={`builder-question-${index}-up`} />
          </Tooltip>
          <Tooltip title={t('surveys.builder.moveDown')}>
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('surveys.builder.moveDown')} data-testid={`builder-question-${index}-down`} />
          </Tooltip>
          <Tooltip title={t('surveys.builder.remove')}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('surveys.builder.remove')} data-testid={`builder-question-${index}-remove`} />
          </Tooltip>
        </Flex>
      </Flex>
      <Input.TextArea
        value={question.prompt}
        onChange={(event) => onChange({ ...question, prompt: event.target.value })}
        placeholder={question.type === 'likert' ? t('surveys.builder.promptLikertPlaceholder') : t('surveys.builder.promptPlaceholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={300}
        status={issues[`${prefix}.prompt`] ? 'error' : undefined}
        aria-label={t('surveys.builder.prompt')}
        data-testid={`builder-question-${index}-prompt`}
      />
      <FieldError message={issues[`${prefix}.prompt`]} testId={`builder-question-${index}-prompt-error`} />
      {question.type === 'likert' && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
          {t('surveys.builder.likertScale')}
        </Typography.Text>
      )}
      {isChoice && (
        <Flex vertical gap={6} style={{ marginTop: 10 }}>
          {question.options.map((option, optionIndex) => (
            <Flex key={optionIndex} gap={6} align="center">
              <Typography.Text type="secondary" style={{ width: 18, flex: 'none' }}>
                {String.fromCharCode(65 + optionIndex)}
              </Typography.Text>
              <Input
                value={option}
                onChange={(event) => onChange({ ...question, options: question.options.map((o, i) => (i === optionIndex ? event.target.value : o)) })}
                placeholder={t('surveys.builder.optionPlaceholder', { letter: String.fromCharCode(65 + optionIndex) })}
                maxLength={120}
                aria-label={t('surveys.builder.optionPlaceholder', { letter: String.fromCharCode(65 + optionIndex) })}
                data-testid={`builder-question-${index}-option-${optionIndex}`}
              />
              <Tooltip title={t('surveys.builder.removeOption')}>
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined />}
                  disabled={question.options.length <= 2}
                  onClick={() => onChange({ ...question, options: question.options.filter((_, i) => i !== optionIndex) })}
                  aria-label={t('surveys.builder.removeOption')}
                />
              </Tooltip>
            </Flex>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={question.options.length >= MAX_OPTIONS}
            onClick={() => onChange({ ...question, options: [...question.options, ''] })}
            style={{ alignSelf: 'flex-start' }}
            data-testid={`builder-question-${index}-add-option`}
          >
            {t('surveys.builder.addOption', { max: MAX_OPTIONS })}
          </Button>
          <FieldError message={issues[`${prefix}.options`]} testId={`builder-question-${index}-options-error`} />
        </Flex>
      )}
    </Card>
  );
}

/** 从模板开始: the needs-analysis template or an empty survey. */
function TemplateChooser({ onPick }: { onPick: (template: 'needs' | 'blank') => void }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'needs' as const, icon: <FileTextOutlined style={{ fontSize: 28, color: '#2f7d8c' }} />, title: t('surveys.template.needs'), hint: t('surveys.template.needsHint') },
    { key: 'blank' as const, icon: <PlusOutlined style={{ fontSize: 28, color: '#8c8c8c' }} />, title: t('surveys.template.blank'), hint: t('surveys.template.blankHint') },
  ];
  return (
    <Card variant="borderless" title={t('surveys.template.title')}>
      <Typography.Paragraph type="secondary">{t('surveys.template.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col xs={24} md={12} key={card.key}>
            <Card hoverable onClick={() => onPick(card.key)} data-testid={`survey-template-${card.key}`} style={{ height: '100%' }}>
              <Flex gap={16} align="flex-start">
                {card.icon}
                <div>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {card.title}
                  </Typography.Title>
                  <Typography.Text type="secondary">{card.hint}</Typography.Text>
                </div>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('surveys.template.reactionNote')}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * 问卷编辑 at /operations/surveys/new and /operations/surveys/:surveyId/edit: the survey builder for
 * the training group. Starts from the built-in needs-analysis template or empty; title,
 * description, kind, quarter, anonymous or named; questions of four types with options, required
 * flag and topic; move up and down; preview as people will see it; save as a draft, or save and send.
 */
export default function BuilderPage() {
  const { surveyId } = useParams();
  const surveyQuery = useSurvey(surveyId);
  const errorMessage = useErrorMessage();
  if (!surveyId) return <Builder initial={null} />;
  if (surveyQuery.isError) return <Result status="error" title={errorMessage(surveyQuery.error)} data-testid="builder-missing" />;
  if (!surveyQuery.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (surveyQuery.data.status !== 'draft') return <Navigate to={`/operations/surveys/${surveyQuery.data.id}`} replace />;
  return <Builder initial={surveyQuery.data} key={surveyQuery.data.id} />;
}

function Builder({ initial }: { initial: TSurveyDetail | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const labels = useSurveyLabels();
  const save = useSaveSurvey();
  const [state, setState] = useState<TBuilderState | null>(initial ? builderStateOf(initial) : null);
  const [savedId, setSavedId] = useState<string | undefined>(initial?.id);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [isPreviewOpen, setPreviewOpen] = useState(false);
  // A new survey saved with "save and send" arrives here again under its own address, asking for the drawer.
  const [sendingId, setSendingId] = useState<string | null>(initial && (location.state as { isSending?: boolean } | null)?.isSending ? initial.id : null);
  const [isDirty, setDirty] = useState(false);
  const quarters = useMemo(() => quarterChoices(new Date()), []);

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const pickTemplate = (template: 'needs' | 'blank') => {
    if (template === 'needs') {
      const built = surveyTemplate('needs', currentLocale());
      setState(builderStateOf({ ...built, kind: 'needs', period: quarterOf(new Date()), isAnonymous: true }));
    } else {
      setState({ kind: 'general', title: '', description: '', period: null, isAnonymous: true, questions: [newQuestion('likert', [])] });
    }
  };

  if (!state) {
    return (
      <div data-testid="survey-builder">
        <OpsHeader tab="surveys" subtitle={t('surveys.builder.titleNew')} />
        <TemplateChooser onPick={pickTemplate} />
      </div>
    );
  }

  const update = (patch: Partial<TBuilderState>) => {
    setState({ ...state, ...patch });
    setDirty(true);
  };
  const updateQuestion = (index: number, question: TBuilderQuestion) => update({ questions: state.questions.map((q, i) => (i === index ? question : q)) });
  const addQuestion = (type: TQuestionType) => update({ questions: [...state.questions, newQuestion(type, state.questions)] });

  /** Checks, then saves; @returns the saved survey's id, or null when something must be fixed. */
  const saveDraft = async (isSending = false): Promise<string | null> => {
    const found = builderIssues(state);
    const translated = Object.fromEntries(Object.entries(found).map(([path, key]) => [path, t(`surveys.builder.errors.${key}` as 'surveys.builder.errors.titleRequired')]));
    setIssues(translated);
    if (Object.keys(found).length > 0) {
      void message.error(t('surveys.builder.fixFirst', { count: Object.keys(found).length }));
      return null;
    }
    try {
      const saved = await save.mutateAsync({ id: savedId, body: builderInput(state) });
      setSavedId(saved.id);
      setDirty(false);
      if (!savedId) navigate(`/operations/surveys/${saved.id}/edit`, { replace: true, state: { isSending } });
      return saved.id;
    } catch (err) {
      const placed = placeServerIssues(AppError.parseError(err).issues);
      setIssues(Object.fromEntries(Object.entries(placed).map(([path, text]) => [path, t('errors.fieldInvalid', { message: text })])));
      void message.error(errorMessage(err));
      return null;
    }
  };

  const onSave = async () => {
    if (await saveDraft()) void message.success(t('surveys.builder.saved'));
  };
  const onSaveAndSend = async () => {
    const id = await saveDraft(true);
    if (id && savedId) setSendingId(id);
  };

  const issueCount = Object.keys(issues).length;

  return (
    <div data-testid="survey-builder">
      <OpsHeader
        tab="surveys"
        subtitle={savedId ? t('surveys.builder.titleEdit') : t('surveys.builder.titleNew')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/operations/surveys')} data-testid="builder-back">
            {t('surveys.builder.back')}
          </Button>
        }
      />
      {issueCount > 0 && <Alert type="error" showIcon title={t('surveys.builder.fixFirst', { count: issueCount })} style={{ marginBottom: 16 }} data-testid="builder-issues" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card variant="borderless" title={t('surveys.builder.basics')} style={{ position: 'sticky', top: 80 }}>
            <Field label={t('surveys.builder.title')}>
              <Input value={state.title} onChange={(event) => update({ title: event.target.value })} maxLength={200} status={issues.title ? 'error' : undefined} placeholder={t('surveys.builder.titlePlaceholder')} data-testid="builder-title" />
              <FieldError message={issues.title} testId="builder-title-error" />
            </Field>
            <Field label={t('surveys.builder.description')}>
              <Input.TextArea value={state.description} onChange={(event) => update({ description: event.target.value })} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('surveys.builder.descriptionPlaceholder')} data-testid="builder-description" />
            </Field>
            <Field label={t('surveys.builder.kind')} help={t('surveys.builder.kindHelp')}>
              <Radio.Group value={state.kind} onChange={(event) => update({ kind: event.target.value as TBuilderState['kind'] })} optionType="button" data-testid="builder-kind">
                <Radio.Button value="needs">{labels.kind('needs')}</Radio.Button>
                <Radio.Button value="general">{labels.kind('general')}</Radio.Button>
              </Radio.Group>
            </Field>
            <Field label={t('surveys.builder.period')}>
              <Select
                value={state.period ?? undefined}
                onChange={(period: string | undefined) => update({ period: period ?? null })}
                options={[...new Set([...quarters, ...(state.period ? [state.period] : [])])].sort().map((value) => ({ value, label: value }))}
                allowClear={state.kind !== 'needs'}
                placeholder={t('surveys.builder.periodPlaceholder')}
                status={issues.period ? 'error' : undefined}
                style={{ width: '100%' }}
                data-testid="builder-period"
              />
              <FieldError message={issues.period} testId="builder-period-error" />
            </Field>
            <Field label={t('surveys.builder.mode')} help={state.isAnonymous ? t('surveys.builder.anonymousHelp') : t('surveys.builder.namedHelp')}>
              <Radio.Group value={state.isAnonymous} onChange={(event) => update({ isAnonymous: event.target.value as boolean })} optionType="button" data-testid="builder-anonymous">
                <Radio.Button value={true}>{t('surveys.anonymous')}</Radio.Button>
                <Radio.Button value={false}>{t('surveys.named')}</Radio.Button>
              </Radio.Group>
            </Field>
            <Flex gap={8} wrap>
              <Button icon={<EyeOutlined />} onClick={() => setPreviewOpen(true)} disabled={state.questions.length === 0} data-testid="builder-preview">
                {t('surveys.builder.preview')}
              </Button>
              <Button icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending && sendingId === null} data-testid="builder-save">
                {t('surveys.builder.saveDraft')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={() => void onSaveAndSend()} loading={save.isPending} data-testid="builder-send">
                {t('surveys.builder.saveAndSend')}
              </Button>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            variant="borderless"
            title={t('surveys.builder.questions', { count: state.questions.length })}
            extra={
              <Dropdown
                trigger={['click']}
                disabled={state.questions.length >= MAX_QUESTIONS}
                menu={{ items: QUESTION_TYPES.map((type) => ({ key: type, label: labels.type(type), 'data-testid': `builder-add-${type}` })) as never, onClick: ({ key }) => addQuestion(key as TQuestionType) }}
              >
                <Button icon={<PlusOutlined />} data-testid="builder-add-question">
                  {t('surveys.builder.addQuestion')}
                </Button>
              </Dropdown>
            }
          >
            {issues.questions && <FieldError message={issues.questions} testId="builder-questions-error" />}
            {state.questions.length === 0 ? (
              <Empty description={t('surveys.builder.noQuestions')} />
            ) : (
              state.questions.map((question, index) => (
                <QuestionEditor
                  key={question.id}
                  question={question}
                  index={index}
                  count={state.questions.length}
                  issues={issues}
                  onChange={(next) => updateQuestion(index, next)}
                  onMove={(delta) => update({ questions: moveQuestion(state.questions, index, delta) })}
                  onRemove={() => update({ questions: state.questions.filter((_, i) => i !== index) })}
                />
              ))
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        open={isPreviewOpen}
        onCancel={() => setPreviewOpen(false)}
        footer={<Button onClick={() => setPreviewOpen(false)}>{t('common.close')}</Button>}
        title={t('surveys.builder.previewTitle')}
        width={760}
        destroyOnHidden
      >
        <div data-testid="builder-preview-body">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {state.title || t('surveys.builder.untitled')}
          </Typography.Title>
          {state.description && <Typography.Paragraph type="secondary">{state.description}</Typography.Paragraph>}
          <Alert type="info" showIcon title={state.isAnonymous ? t('surveys.form.anonymousNote') : t('surveys.form.namedNote')} style={{ marginBottom: 12 }} />
          <PreviewForm questions={builderInput(state).questions.map((q) => ({ ...q, options: q.options ?? [], isRequired: q.isRequired ?? true }))} />
        </div>
      </Modal>
      <SendSurveyDrawer surveyId={sendingId} isMore={false} onClose={() => setSendingId(null)} onSent={() => sendingId && navigate(`/operations/surveys/${sendingId}`)} />
    </div>
  );
}

/** The preview can be tried out: answers are kept in the modal only. */
function PreviewForm({ questions }: { questions: Parameters<typeof SurveyForm>[0]['questions'] }) {
  const [answers, setAnswers] = useState<Parameters<typeof SurveyForm>[0]['answers']>({});
  return <SurveyForm questions={questions} answers={answers} onChange={setAnswers} />;
}
