import { BulbOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMySuggestions, usePointRules, useSubmitSuggestion } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useFormErrorHandler } from '../../../hooks/use-form-error-handler';
import { MyHeader } from '../ops-header';
import { SuggestionStatusTag, when } from './labels';

type TSuggestionForm = { title: string; body: string };

/** 创新建议 at /my/suggestions: anyone submits an idea and follows what became of it. */
export default function MySuggestionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<TSuggestionForm>();
  const onError = useFormErrorHandler(form);
  const mine = useMySuggestions();
  const rules = usePointRules();
  const submit = useSubmitSuggestion();
  const reward = rules.data?.find((rule) => rule.key === 'suggestion_adopted');
  const send = (values: TSuggestionForm) =>
    submit.mutate(
      { title: values.title.trim(), body: values.body.trim() },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('people.mySuggestions.sent'));
        },
        onError: (err) => onError(err),
      },
    );
  return (
    <div data-testid="my-suggestions-page">
      <MyHeader tab="suggestions" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('people.mySuggestions.new')}>
            <Typography.Paragraph type="secondary">
              <BulbOutlined style={{ color: '#d4a017' }} /> {reward?.isEnabled ? t('people.mySuggestions.intro', { points: reward.points }) : t('people.mySuggestions.introNoPoints')}
            </Typography.Paragraph>
            <Form<TSuggestionForm> form={form} layout="vertical" onFinish={send} requiredMark="optional">
              <Form.Item name="title" label={t('people.mySuggestions.title')} rules={[{ required: true, whitespace: true, min: 2, message: t('people.mySuggestions.titleRequired') }]}>
                <Input maxLength={120} placeholder={t('people.mySuggestions.titlePlaceholder')} data-testid="suggestion-title" />
              </Form.Item>
              <Form.Item name="body" label={t('people.mySuggestions.body')} rules={[{ required: true, whitespace: true, min: 10, message: t('people.mySuggestions.bodyRequired') }]}>
                <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={4000} showCount placeholder={t('people.mySuggestions.bodyPlaceholder')} data-testid="suggestion-body" />
              </Form.Item>
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={submit.isPending} data-testid="suggestion-submit">
                {t('people.mySuggestions.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('people.mySuggestions.mine')}>
            {mine.isPending && <Skeleton active />}
            {mine.isError && <Alert type="error" showIcon title={errorMessage(mine.error)} />}
            {mine.data?.length === 0 && <Empty description={t('people.mySuggestions.empty')} />}
            <Flex vertical gap={12} data-testid="my-suggestions">
              {mine.data?.map((suggestion) => (
                <div key={suggestion.id} data-testid={`my-suggestion-${suggestion.id}`} data-title={suggestion.title} data-status={suggestion.status} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{suggestion.title}</Typography.Text>
                    <SuggestionStatusTag status={suggestion.status} />
                    {suggestion.pointsAwarded !== null && <Typography.Text type="success">{t('people.suggestions.points', { points: suggestion.pointsAwarded })}</Typography.Text>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('people.mySuggestions.sentOn', { date: when(suggestion.createdAt) })}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true, symbol: t('people.mySuggestions.more') }}>
                    {suggestion.body}
                  </Typography.Paragraph>
                  {suggestion.reviewedAt && (
                    <Alert
                      type={suggestion.status === 'adopted' ? 'success' : 'warning'}
                      style={{ marginTop: 8 }}
                      title={t('people.suggestions.reviewed', { name: suggestion.reviewedBy?.displayName ?? '—', date: when(suggestion.reviewedAt) })}
                      description={suggestion.reviewNote ?? undefined}
                    />
                  )}
                </div>
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
