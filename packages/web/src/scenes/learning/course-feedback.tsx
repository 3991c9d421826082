import { SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGiveFeedback, type TCourseFeedbackSummary } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';

const RATINGS = ['content', 'method', 'instructor'] as const;
type TRating = (typeof RATINGS)[number];
interface TFeedbackForm {
  content?: number;
  method?: number;
  instructor?: number;
  comment?: string;
}

/** An average rating as "4.3 / 5", or a dash when nobody rated yet. */
function formatAverage(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} / 5`;
}

/**
 * The reaction questionnaire (SPEC §2.8, level 1) at the end of a completed course: content,
 * method and instructor rated 1–5, and a comment. After sending it thanks the learner and
 * shows everyone's averages; once given, the course page no longer offers it.
 * @param props.courseId the course
 * @param props.hasGivenFeedback whether I answered already (then nothing shows, unless just now)
 */
export function CourseFeedback({ courseId, hasGivenFeedback }: { courseId: string; hasGivenFeedback: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const giveFeedback = useGiveFeedback(courseId);
  const [form] = Form.useForm<TFeedbackForm>();
  const [summary, setSummary] = useState<TCourseFeedbackSummary | null>(null);

  if (summary) {
    return (
      <Card variant="borderless" id="feedback" data-testid="learning-feedback-thanks">
        <Flex vertical gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            <SmileOutlined style={{ color: '#2f7d8c' }} /> {t('learn.feedback.thanks')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('learn.feedback.averages', { count: summary.responses })}</Typography.Text>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={RATINGS.map((key) => ({ key, label: t(`learn.feedback.${key}`), children: <span data-testid={`learning-feedback-average-${key}`}>{formatAverage(summary[key])}</span> }))}
          />
        </Flex>
      </Card>
    );
  }
  if (hasGivenFeedback) return null;

  const onFinish = (values: TFeedbackForm) => {
    const ratings = RATINGS.map((key) => values[key]);
    if (ratings.some((value) => value === undefined || value < 1)) return;
    giveFeedback.mutate(
      { content: values.content!, method: values.method!, instructor: values.instructor!, comment: (values.comment ?? '').trim() },
      { onSuccess: setSummary },
    );
  };

  const rateRule = { required: true, message: t('learn.feedback.rateRequired') };
  return (
    <Card variant="borderless" id="feedback" title={t('learn.feedback.title')} data-testid="learning-feedback">
      <Typography.Paragraph type="secondary">{t('learn.feedback.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 560 }}>
        {RATINGS.map((key: TRating) => (
          <Form.Item key={key} name={key} label={t(`learn.feedback.${key}`)} extra={t(`learn.feedback.${key}Hint`)} rules={[rateRule]}>
            <Rate data-testid={`learning-feedback-${key}`} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('learn.feedback.comment')}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('learn.feedback.commentPlaceholder')} data-testid="learning-feedback-comment" />
        </Form.Item>
        {giveFeedback.isError && <Alert type="error" showIcon title={errorMessage(giveFeedback.error)} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={giveFeedback.isPending} data-testid="learning-feedback-submit">
          {t('learn.feedback.submit')}
        </Button>
      </Form>
    </Card>
  );
}
