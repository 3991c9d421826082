import { Alert, Button, Card, Col, Empty, Flex, Rate, Row, Select, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourseCatalogue, useCourseFeedback } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useTeachLabels } from './labels';

const DIMENSIONS = ['content', 'method', 'instructor'] as const;
/** Comments shown before "show all". */
const COMMENTS_SHOWN = 5;

/**
 * 课程反馈 (evaluation level 1, SPEC §2.8): per course the learners' anonymous averages for
 * content, method and instructor (1–5) and their comments.
 */
export function FeedbackCard() {
  const { t } = useTranslation();
  const labels = useTeachLabels();
  const errorMessage = useErrorMessage();
  const coursesQuery = useCourseCatalogue();
  const [picked, setPicked] = useState<string | undefined>();
  const [isAllShown, setAllShown] = useState(false);
  const courseId = picked ?? coursesQuery.data?.[0]?.id;
  const feedbackQuery = useCourseFeedback(courseId);
  const summary = feedbackQuery.data;

  return (
    <Card
      title={t('teach.feedback.title')}
      variant="borderless"
      data-testid="teach-feedback"
      extra={
        <Select
          value={courseId}
          onChange={setPicked}
          loading={coursesQuery.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(coursesQuery.data ?? []).map((course) => ({ value: course.id, label: labels.text(course.title) }))}
          style={{ width: 260 }}
          aria-label={t('teach.feedback.course')}
          data-testid="teach-feedback-course"
        />
      }
    >
      {coursesQuery.isError && <Alert type="error" showIcon title={errorMessage(coursesQuery.error)} />}
      {feedbackQuery.isError && <Alert type="error" showIcon title={errorMessage(feedbackQuery.error)} />}
      {coursesQuery.isSuccess && coursesQuery.data.length === 0 && <Empty description={t('teach.feedback.noCourses')} />}
      {feedbackQuery.isPending && courseId !== undefined && <Skeleton active />}
      {summary && summary.responses === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teach.feedback.none')} data-testid="teach-feedback-empty" />}
      {summary && summary.responses > 0 && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={6}>
              <Statistic title={t('teach.feedback.responses')} value={summary.responses} data-testid="teach-feedback-responses" />
            </Col>
            {DIMENSIONS.map((dimension) => (
              <Col xs={24} md={6} key={dimension}>
                <Typography.Text type="secondary">{t(`teach.feedback.${dimension}`)}</Typography.Text>
                <Flex align="center" gap={8}>
                  <Rate disabled allowHalf value={Math.round((summary[dimension] ?? 0) * 2) / 2} style={{ fontSize: 16 }} />
                  <Typography.Text strong>{summary[dimension] === null ? t('common.none') : summary[dimension].toFixed(1)}</Typography.Text>
                </Flex>
              </Col>
            ))}
          </Row>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('teach.feedback.comments', { count: summary.comments.length })}
          </Typography.Title>
          {summary.comments.length === 0 ? (
            <Typography.Text type="secondary">{t('teach.feedback.noComments')}</Typography.Text>
          ) : (
            <ul className="cd-teach-comments">
              {(isAllShown ? summary.comments : summary.comments.slice(0, COMMENTS_SHOWN)).map((item, index) => (
                <li key={`${item.createdAt}-${index}`}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.comment}</Typography.Text>
                  <Typography.Text type="secondary" className="cd-teach-comments__date">
                    {dayjs(item.createdAt).format('YYYY-MM-DD')}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
          {summary.comments.length > COMMENTS_SHOWN && (
            <Button type="link" onClick={() => setAllShown(!isAllShown)} style={{ paddingInline: 0 }}>
              {isAllShown ? t('teach.feedback.showFewer') : t('teach.feedback.showAll', { count: summary.comments.length })}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
