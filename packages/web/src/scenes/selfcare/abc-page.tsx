import { CheckOutlined, LeftOutlined, PlusOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { ABC_EXAMPLES, ABC_STEPS, SELFCARE_LIMITS, type TAbcBody, type TAbcStep } from '@calmdesk/shared';
import { App, Button, Card, Col, Empty, Flex, Input, List, Result, Row, Select, Skeleton, Steps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSaveSelfcareEntry, useSelfcareEntries, useSelfcareEntry, type TSelfcareEntry } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import { EmotionPicker, EmotionTags } from './emotion-picker';
import { formatWhen, useLocalText } from './labels';
import { PrivacyNote } from './privacy-note';

type TAbcEntry = Extract<TSelfcareEntry, { kind: 'abc' }>;
type TExampleKey = (typeof ABC_EXAMPLES)[number]['key'];

const EMPTY: TAbcBody = {
  step: 'event',
  isFinished: false,
  activatingEvent: '',
  belief: '',
  consequence: { emotions: [], behaviour: '' },
  disputation: '',
  newEffect: { emotions: [], behaviour: '' },
};

/** The example's text for a step: the worksheet field names differ a little from the example's. */
function exampleFor(key: TExampleKey, step: TAbcStep) {
  const example = ABC_EXAMPLES.find((item) => item.key === key) ?? ABC_EXAMPLES[0];
  return example[step];
}

/**
 * ABC 情绪记录表 at /selfcare/abc (Ellis): a guided stepper through A the event, B the belief,
 * C the consequence, D disputing the belief and E the new effect, each step with a prompt and a
 * worked example from customer-service work. Moving on saves a draft; an unfinished worksheet can
 * be picked up again from the list (?id=).
 */
export default function AbcPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const idParam = params.get('id') ?? undefined;
  const existing = useSelfcareEntry(idParam);
  const list = useSelfcareEntries({ kind: 'abc', pageSize: 20 });
  const save = useSaveSelfcareEntry();

  const [id, setId] = useState<string | undefined>(idParam);
  const [body, setBody] = useState<TAbcBody>(EMPTY);
  const [current, setCurrent] = useState(0);
  const [exampleKey, setExampleKey] = useState<TExampleKey>(ABC_EXAMPLES[0].key);
  const [isDone, setDone] = useState(false);

  useEffect(() => {
    if (existing.data?.kind !== 'abc') return;
    setId(existing.data.id);
    setBody(existing.data.body);
    setCurrent(existing.data.body.isFinished ? 0 : ABC_STEPS.indexOf(existing.data.body.step));
    setDone(false);
  }, [existing.data]);

  const step = ABC_STEPS[current] ?? 'event';
  const isLast = current === ABC_STEPS.length - 1;
  const canLeaveStep = current > 0 || body.activatingEvent.trim() !== '';

  const persist = (next: TAbcBody, onSaved: () => void) =>
    save.mutate(
      { id, entry: { kind: 'abc', body: next } },
      {
        onSuccess: (entry) => {
          setId(entry.id);
          onSaved();
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const goTo = (index: number) => {
    const nextStep = ABC_STEPS[index] ?? 'event';
    // The furthest step reached is what the server keeps, so a draft reopens where it was left.
    const reached = ABC_STEPS.indexOf(body.step) >= index ? body.step : nextStep;
    const next = { ...body, step: reached };
    setBody(next);
    if (index > current && body.activatingEvent.trim() !== '') persist({ ...next, isFinished: false }, () => setCurrent(index));
    else setCurrent(index);
  };
  const finish = () =>
    persist({ ...body, step: 'effect', isFinished: true }, () => {
      setDone(true);
      void message.success(t('selfcare.abc.finished'));
    });
  const saveDraft = () => persist({ ...body, isFinished: false }, () => void message.success(t('selfcare.abc.draftSaved')));
  const startNew = () => {
    setId(undefined);
    setBody(EMPTY);
    setCurrent(0);
    setDone(false);
    if (params.has('id')) setParams({}, { replace: true });
  };

  const field = (value: string, onChange: (value: string) => void, testId: string, max: number = SELFCARE_LIMITS.textMax) => (
    <Input.TextArea value={value} onChange={(e) => onChange(e.target.value)} autoSize={{ minRows: 3, maxRows: 8 }} maxLength={max} placeholder={t(`selfcare.abc.steps.${step}.placeholder`)} data-testid={testId} />
  );

  const stepEditor = () => {
    switch (step) {
      case 'event':
        return field(body.activatingEvent, (activatingEvent) => setBody({ ...body, activatingEvent }), 'abc-event', SELFCARE_LIMITS.eventMax);
      case 'belief':
        return field(body.belief, (belief) => setBody({ ...body, belief }), 'abc-belief');
      case 'consequence':
        return (
          <Flex vertical gap={12}>
            <EmotionPicker value={body.consequence.emotions} onChange={(emotions) => setBody({ ...body, consequence: { ...body.consequence, emotions } })} testId="abc-c-emotion" />
            <Input.TextArea
              value={body.consequence.behaviour}
              onChange={(e) => setBody({ ...body, consequence: { ...body.consequence, behaviour: e.target.value } })}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={SELFCARE_LIMITS.shortTextMax}
              placeholder={t('selfcare.abc.steps.consequence.placeholder')}
              data-testid="abc-consequence"
            />
          </Flex>
        );
      case 'disputation':
        return (
          <Flex vertical gap={8}>
            <ul className="cd-abc-questions" style={{ margin: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }}>
              {(['evidence', 'other', 'worst', 'friend'] as const).map((key) => (
                <li key={key}>{t(`selfcare.abc.questions.${key}`)}</li>
              ))}
            </ul>
            {field(body.disputation, (disputation) => setBody({ ...body, disputation }), 'abc-disputation')}
          </Flex>
        );
      case 'effect':
        return (
          <Flex vertical gap={12}>
            <EmotionPicker value={body.newEffect.emotions} onChange={(emotions) => setBody({ ...body, newEffect: { ...body.newEffect, emotions } })} testId="abc-e-emotion" />
            <Input.TextArea
              value={body.newEffect.behaviour}
              onChange={(e) => setBody({ ...body, newEffect: { ...body.newEffect, behaviour: e.target.value } })}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={SELFCARE_LIMITS.shortTextMax}
              placeholder={t('selfcare.abc.steps.effect.placeholder')}
              data-testid="abc-effect"
            />
          </Flex>
        );
    }
  };

  const worksheets = (list.data?.entries ?? []).filter((entry): entry is TAbcEntry => entry.kind === 'abc');

  return (
    <div data-testid="selfcare-abc-page">
      <PageHeader
        title={t('selfcare.abc.title')}
        subtitle={t('selfcare.abc.subtitle')}
        extra={
          <Button icon={<PlusOutlined />} onClick={startNew} data-testid="abc-new">
            {t('selfcare.abc.new')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card variant="borderless" data-testid="abc-worksheet">
            {isDone ? (
              <Result
                status="success"
                title={t('selfcare.abc.doneTitle')}
                subTitle={t('selfcare.abc.doneText')}
                data-testid="abc-done"
                extra={
                  <Button type="primary" onClick={startNew}>
                    {t('selfcare.abc.new')}
                  </Button>
                }
              />
            ) : idParam && existing.isLoading ? (
              <Skeleton active />
            ) : (
              <Flex vertical gap={16}>
                <Steps
                  size="small"
                  responsive={false}
                  labelPlacement="vertical"
                  current={current}
                  onChange={(index) => (index <= current || canLeaveStep ? goTo(index) : undefined)}
                  items={ABC_STEPS.map((key) => ({ title: t(`selfcare.abc.steps.${key}.short`) }))}
                  data-testid="abc-steps"
                />
                <div data-testid={`abc-step-${step}`}>
                  <Typography.Title level={4} style={{ margin: '0 0 4px' }}>
                    {t(`selfcare.abc.steps.${step}.title`)}
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                    {t(`selfcare.abc.steps.${step}.prompt`)}
                  </Typography.Paragraph>
                  {stepEditor()}
                </div>
                <Flex justify="space-between" gap={8} wrap>
                  <Button icon={<LeftOutlined />} disabled={current === 0} onClick={() => goTo(current - 1)} data-testid="abc-prev">
                    {t('selfcare.abc.prev')}
                  </Button>
                  <Flex gap={8} wrap>
                    <Button icon={<SaveOutlined />} disabled={!body.activatingEvent.trim()} loading={save.isPending && !isLast} onClick={saveDraft} data-testid="abc-save-draft">
                      {t('selfcare.abc.saveDraft')}
                    </Button>
                    {isLast ? (
                      <Button type="primary" icon={<CheckOutlined />} loading={save.isPending} onClick={finish} data-testid="abc-finish">
                        {t('selfcare.abc.finish')}
                      </Button>
                    ) : (
                      <Button type="primary" disabled={!canLeaveStep} onClick={() => goTo(current + 1)} data-testid="abc-next">
                        {t('selfcare.abc.next')} <RightOutlined />
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card variant="borderless" size="small" title={t('selfcare.abc.exampleTitle')} data-testid="abc-example">
            <Flex vertical gap={8}>
              <Select<TExampleKey> value={exampleKey} onChange={setExampleKey} options={ABC_EXAMPLES.map((example) => ({ value: example.key, label: local(example.title) }))} aria-label={t('selfcare.abc.exampleTitle')} />
              <Typography.Text strong>{t(`selfcare.abc.steps.${isDone ? 'effect' : step}.title`)}</Typography.Text>
              <Typography.Paragraph style={{ margin: 0 }} data-testid="abc-example-text">
                {local(exampleFor(exampleKey, isDone ? 'effect' : step))}
              </Typography.Paragraph>
            </Flex>
          </Card>
        </Col>
      </Row>

      <Card variant="borderless" title={t('selfcare.abc.mine')} style={{ marginTop: 16 }}>
        {list.isLoading ? (
          <Skeleton active />
        ) : worksheets.length === 0 ? (
          <Empty description={t('selfcare.abc.empty')} />
        ) : (
          <List
            data-testid="abc-list"
            dataSource={worksheets}
            renderItem={(entry) => (
              <List.Item data-testid="abc-list-item" onClick={() => setParams({ id: entry.id })} style={{ cursor: 'pointer' }}>
                <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatWhen(entry.occurredAt)}
                    </Typography.Text>
                    {entry.body.isFinished ? (
                      <Tag color="green">{t('selfcare.abc.statusFinished')}</Tag>
                    ) : (
                      <Tag color="gold">{t('selfcare.abc.statusAt', { step: t(`selfcare.abc.steps.${entry.body.step}.short`) })}</Tag>
                    )}
                    <EmotionTags ratings={entry.body.newEffect.emotions.length > 0 ? entry.body.newEffect.emotions : entry.body.consequence.emotions} />
                  </Flex>
                  <Typography.Text ellipsis>{entry.body.activatingEvent}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <PrivacyNote />
    </div>
  );
}
