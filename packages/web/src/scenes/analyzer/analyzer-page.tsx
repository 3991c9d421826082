import { DownOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ANALYSIS_TEXT_MAX, type TMessageAnalysisDto, type TReplyCheckDto } from '@calmdesk/shared';
import { Alert, Button, Card, Col, Collapse, Dropdown, Flex, Form, Input, Row, Spin, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalyzeMessage, useCheckReply } from '../../api/analysis';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { ANALYZER_EXAMPLES, type TAnalyzerExample } from './examples';
import { CONTEXT_MAX } from './labels';
import { MessageResult } from './message-result';
import { ReplyResult } from './reply-result';
import { useAnalysisError } from './use-analysis-error';

/**
 * Runs `action` on Ctrl+Enter (⌘+Enter on a Mac), except while an input method is still
 * composing (Enter then picks a candidate).
 */
function onCtrlEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.nativeEvent.isComposing) return;
    event.preventDefault();
    action();
  };
}

/**
 * The analyser at /analyzer (SPEC §2.3–2.4), for every signed-in role: read a customer
 * message (emotion, risk, needs, and the cues behind each judgement), and check a draft
 * reply against it (language to avoid, what is missing, better phrasings).
 */
export default function AnalyzerPage() {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [context, setContext] = useState<string[]>([]);
  const [isContextOpen, setContextOpen] = useState(false);
  const [reply, setReply] = useState('');
  // The last answers with the exact text they are about: cue offsets point into that text,
  // and an answer stays on screen while the next one loads.
  const [analysis, setAnalysis] = useState<{ text: string; result: TMessageAnalysisDto } | null>(null);
  const [check, setCheck] = useState<{ text: string; result: TReplyCheckDto } | null>(null);

  const analyse = useAnalyzeMessage();
  const checkReply = useCheckReply();
  const messageError = useAnalysisError(analyse.error, ['text', 'context']);
  const replyError = useAnalysisError(checkReply.error, ['text']);

  const canAnalyse = message.trim() !== '' && !analyse.isPending;
  const canCheck = reply.trim() !== '' && !checkReply.isPending;

  const runAnalyse = () => {
    if (!canAnalyse) return;
    const earlier = context.filter((line) => line.trim() !== '');
    const text = message;
    analyse.mutate(
      { text, ...(earlier.length > 0 ? { context: earlier } : {}) },
      { onSuccess: (result) => setAnalysis({ text, result }) },
    );
  };

  const runCheck = () => {
    if (!canCheck) return;
    const text = reply;
    const customer = message.trim() !== '' ? message : undefined;
    checkReply.mutate({ text, ...(customer ? { customer } : {}) }, { onSuccess: (result) => setCheck({ text, result }) });
  };

  const fillExample = (example: TAnalyzerExample) => {
    setMessage(example.message);
    setContext(example.context);
    setContextOpen(example.context.length > 0);
    setReply(example.reply);
    setAnalysis(null);
    setCheck(null);
    analyse.reset();
    checkReply.reset();
  };

  const setContextLine = (index: number, value: string) => setContext((lines) => lines.map((line, i) => (i === index ? value : line)));
  const filledContext = context.filter((line) => line.trim() !== '').length;

  const examples = (
    <Dropdown
      trigger={['click']}
      menu={{
        items: ANALYZER_EXAMPLES.map((example) => ({
          key: example.id,
          label: <span data-testid={`analyzer-example-${example.id}`}>{t(`analyzer.examples.${example.id}`)}</span>,
        })),
        onClick: ({ key }) => {
          const example = ANALYZER_EXAMPLES.find((item) => item.id === key);
          if (example) fillExample(example);
        },
      }}
    >
      <Button data-testid="analyzer-example">
        {t('analyzer.examples.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );

  return (
    <div data-testid="area-analyzer">
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.analyzer}</span>
            {t('nav.analyzer')}
          </Flex>
        }
        subtitle={t('analyzer.subtitle')}
        extra={examples}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('analyzer.message.title')} variant="borderless">
            <Form layout="vertical" component={false}>
              <Form.Item
                label={t('analyzer.message.label')}
                validateStatus={messageError.fields.text ? 'error' : undefined}
                help={messageError.fields.text}
                className="cd-analyzer-counted"
                style={{ marginBottom: 12 }}
              >
                <Input.TextArea
                  value={message}
                  onChange={(event) => setMessage(event.target.value)}
                  onKeyDown={onCtrlEnter(runAnalyse)}
                  placeholder={t('analyzer.message.placeholder')}
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  maxLength={ANALYSIS_TEXT_MAX}
                  showCount
                  data-testid="analyzer-message-input"
                />
              </Form.Item>
              <Collapse
                size="small"
                activeKey={isContextOpen ? ['context'] : []}
                onChange={(keys) => setContextOpen(keys.includes('context'))}
                style={{ marginBottom: 16 }}
                items={[
                  {
                    key: 'context',
                    label: t('analyzer.message.context', { count: filledContext }),
                    children: (
                      <div data-testid="analyzer-context">
                        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                          {t('analyzer.message.contextHint', { max: CONTEXT_MAX })}
                        </Typography.Paragraph>
                        <Form.Item
                          validateStatus={messageError.fields.context ? 'error' : undefined}
                          help={messageError.fields.context}
                          style={{ marginBottom: 0 }}
                        >
                          <Flex vertical gap={8}>
                            {context.map((line, index) => (
                              <Flex key={index} gap={8} align="flex-start">
                                <Input.TextArea
                                  value={line}
                                  onChange={(event) => setContextLine(index, event.target.value)}
                                  onKeyDown={onCtrlEnter(runAnalyse)}
                                  placeholder={t('analyzer.message.contextPlaceholder', { n: index + 1 })}
                                  autoSize={{ minRows: 1, maxRows: 4 }}
                                  maxLength={ANALYSIS_TEXT_MAX}
                                  aria-label={t('analyzer.message.contextPlaceholder', { n: index + 1 })}
                                  data-testid={`analyzer-context-${index}`}
                                />
                                <Button
                                  type="text"
                                  icon={<MinusCircleOutlined />}
                                  aria-label={t('analyzer.message.removeContext')}
                                  title={t('analyzer.message.removeContext')}
                                  onClick={() => setContext((lines) => lines.filter((_, i) => i !== index))}
                                />
                              </Flex>
                            ))}
                            <Button
                              type="dashed"
                              icon={<PlusOutlined />}
                              disabled={context.length >= CONTEXT_MAX}
                              onClick={() => setContext((lines) => [...lines, ''])}
                              data-testid="analyzer-context-add"
                            >
                              {t('analyzer.message.addContext', { count: context.length, max: CONTEXT_MAX })}
                            </Button>
                          </Flex>
                        </Form.Item>
                      </div>
                    ),
                  },
                ]}
              />
              <Flex align="center" gap={12} wrap>
                <Button type="primary" onClick={runAnalyse} disabled={!canAnalyse} loading={analyse.isPending} data-testid="analyzer-analyse">
                  {t('analyzer.message.submit')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('analyzer.shortcut')}
                </Typography.Text>
              </Flex>
            </Form>
            {messageError.alert && <Alert type="error" showIcon title={messageError.alert} style={{ marginTop: 16 }} data-testid="analyzer-message-error" />}
          </Card>
          {analysis && (
            <Card variant="borderless" style={{ marginTop: 16 }} title={t('analyzer.message.resultTitle')}>
              <Spin spinning={analyse.isPending}>
                {analysis.text !== message && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {t('analyzer.staleResult')}
                  </Typography.Paragraph>
                )}
                <MessageResult text={analysis.text} analysis={analysis.result} />
              </Spin>
            </Card>
          )}
        </Col>

        <Col xs={24} lg={12}>
          <Card title={t('analyzer.reply.title')} variant="borderless">
            <Form layout="vertical" component={false}>
              <Form.Item
                label={t('analyzer.reply.label')}
                extra={message.trim() !== '' ? t('analyzer.reply.withCustomer') : t('analyzer.reply.withoutCustomer')}
                validateStatus={replyError.fields.text ? 'error' : undefined}
                help={replyError.fields.text}
                className="cd-analyzer-counted"
                style={{ marginBottom: 16 }}
              >
                <Input.TextArea
                  value={reply}
                  onChange={(event) => setReply(event.target.value)}
                  onKeyDown={onCtrlEnter(runCheck)}
                  placeholder={t('analyzer.reply.placeholder')}
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  maxLength={ANALYSIS_TEXT_MAX}
                  showCount
                  data-testid="analyzer-reply-input"
                />
              </Form.Item>
              <Flex align="center" gap={12} wrap>
                <Button type="primary" onClick={runCheck} disabled={!canCheck} loading={checkReply.isPending} data-testid="analyzer-check">
                  {t('analyzer.reply.submit')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('analyzer.shortcut')}
                </Typography.Text>
              </Flex>
            </Form>
            {replyError.alert && <Alert type="error" showIcon title={replyError.alert} style={{ marginTop: 16 }} data-testid="analyzer-reply-error" />}
          </Card>
          {check && (
            <Card variant="borderless" style={{ marginTop: 16 }} title={t('analyzer.reply.resultTitle')}>
              <Spin spinning={checkReply.isPending}>
                {check.text !== reply && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {t('analyzer.staleResult')}
                  </Typography.Paragraph>
                )}
                <ReplyResult text={check.text} check={check.result} />
              </Spin>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
