import { BookOutlined, CheckCircleFilled, PlayCircleOutlined, SearchOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Input, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCourses, useEnrol, useProgress, type TCourseSummary, type TEnrolment } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { DueDate, Minutes, SectionError } from './parts';
import { continuePath, percentDone } from './progress';

function CourseCard({ course, enrolment }: { course: TCourseSummary; enrolment: TEnrolment | undefined }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const enrol = useEnrol();
  const coursePath = `/learning/courses/${encodeURIComponent(course.id)}`;
  const isDone = enrolment?.completedAt != null;
  const percent = enrolment ? percentDone(enrolment.lessonsDone, enrolment.lessonCount) : 0;

  const onEnrol = () =>
    enrol.mutate(course.id, {
      onSuccess: () => void message.success(t('learn.catalogue.enrolled', { title: labels.text(course.title) })),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <Card variant="borderless" className="cd-learning-card" data-testid={`learning-course-${course.id}`} data-enrolled={Boolean(enrolment)}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Link to={coursePath} className="cd-learning-card__title" data-testid={`learning-course-title-${course.id}`}>
          {labels.text(course.title)}
        </Link>
        {isDone ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('learn.common.completed')}
          </Tag>
        ) : enrolment ? (
          <Tag color="processing">{t('learn.common.inProgress')}</Tag>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
        {labels.text(course.summary)}
      </Typography.Paragraph>
      <Typography.Text style={{ fontSize: 13 }}>
        <UsergroupAddOutlined /> {labels.text(course.audience)}
      </Typography.Text>
      <Flex gap={4} wrap>
        {course.tags.map((tag) => (
          <Tag key={tag} variant="filled">
            {labels.tag(tag)}
          </Tag>
        ))}
      </Flex>
      <Flex gap={16} wrap>
        <Typography.Text type="secondary">
          <BookOutlined /> {t('learn.common.lessons', { count: course.lessonCount })}
        </Typography.Text>
        <Minutes minutes={course.minutes} />
      </Flex>
      <div className="cd-learning-card__spacer" />
      {enrolment && (
        <div data-testid={`learning-course-progress-${course.id}`}>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('learn.common.progress', { done: enrolment.lessonsDone, total: enrolment.lessonCount })}
            </Typography.Text>
            <DueDate dueDate={enrolment.dueDate} completedAt={enrolment.completedAt} />
          </Flex>
          <Progress percent={percent} size="small" status={isDone ? 'success' : 'active'} showInfo={false} />
        </div>
      )}
      <Flex gap={8} wrap>
        {enrolment ? (
          <Link to={continuePath(enrolment)}>
            <Button type="primary" icon={<PlayCircleOutlined />} data-testid={`learning-course-continue-${course.id}`}>
              {isDone ? t('learn.common.review') : enrolment.lessonsDone === 0 ? t('learn.common.start') : t('learn.common.continue')}
            </Button>
          </Link>
        ) : (
          <Button type="primary" loading={enrol.isPending} onClick={onEnrol} data-testid={`learning-course-enrol-${course.id}`}>
            {t('learn.common.enrol')}
          </Button>
        )}
        <Link to={coursePath}>
          <Button data-testid={`learning-course-view-${course.id}`}>{t('learn.common.view')}</Button>
        </Link>
      </Flex>
    </Card>
  );
}

/**
 * The course catalogue at /learning: a card per published course with what it covers, for
 * whom, its size, and — once enrolled — my progress, due date and a "continue" button.
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const coursesQuery = useCourses();
  const progressQuery = useProgress();
  const [search, setSearch] = useState('');

  const enrolments = useMemo(() => new Map((progressQuery.data ?? []).map((item) => [item.courseId, item])), [progressQuery.data]);
  const q = search.trim().toLowerCase();
  const courses = useMemo(
    () =>
      (coursesQuery.data ?? []).filter(
        (course) => !q || [course.title.zh, course.title.en, course.summary.zh, course.summary.en, ...course.tags.map(labels.tag)].some((text) => text.toLowerCase().includes(q)),
      ),
    [coursesQuery.data, q, labels],
  );

  return (
    <div data-testid="learning-catalogue">
      <LearningHeader tab="courses" />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('learn.catalogue.search')}
          aria-label={t('learn.catalogue.search')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 260 }}
          data-testid="learning-catalogue-search"
        />
      </Flex>
      {progressQuery.isError && (
        <div style={{ marginBottom: 16 }}>
          <SectionError error={progressQuery.error} onRetry={() => void progressQuery.refetch()} />
        </div>
      )}
      {coursesQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : coursesQuery.isError ? (
        <SectionError error={coursesQuery.error} onRetry={() => void coursesQuery.refetch()} />
      ) : courses.length === 0 ? (
        <Empty description={q ? t('learn.catalogue.noMatch') : t('learn.catalogue.empty')} data-testid="learning-catalogue-empty" />
      ) : (
        <Row gutter={[16, 16]}>
          {courses.map((course) => (
            <Col key={course.id} xs={24} md={12} xl={8}>
              <CourseCard course={course} enrolment={enrolments.get(course.id)} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
