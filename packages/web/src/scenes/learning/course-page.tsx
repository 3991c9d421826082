import { CheckCircleFilled, ExperimentOutlined, PlayCircleOutlined, TrophyOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useCourse, useEnrol, type TCourseDetail } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';
import { CourseFeedback } from './course-feedback';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { BackLink, DueDate, LoadFailure, Minutes } from './parts';
import { percentDone, resumeLessonId } from './progress';

function LessonList({ course }: { course: TCourseDetail }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const done = new Set(course.myProgress.doneLessonIds);
  const lessons = [...course.lessons].sort((a, b) => a.position - b.position);
  if (lessons.length === 0) return <Empty description={t('learn.course.noLessons')} />;
  return (
    <ol className="cd-learning-lessons" data-testid="learning-course-lessons">
      {lessons.map((lesson, index) => {
        const isDone = done.has(lesson.id);
        return (
          <li key={lesson.id} className="cd-learning-lessons__item" data-testid={`learning-lesson-row-${lesson.id}`} data-done={isDone}>
            <span className={`cd-learning-lessons__mark${isDone ? ' cd-learning-lessons__mark--done' : ''}`} aria-label={isDone ? t('learn.common.completed') : undefined}>
              {isDone ? <CheckCircleFilled /> : index + 1}
            </span>
            <div className="cd-learning-lessons__body">
              <Link to={`/learning/lessons/${encodeURIComponent(lesson.id)}`} className="cd-learning-lessons__title" data-testid={`learning-lesson-link-${lesson.id}`}>
                {labels.text(lesson.title)}
              </Link>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }} ellipsis={{ rows: 2 }}>
                {labels.text(lesson.summary)}
              </Typography.Paragraph>
              <Flex gap={12} wrap align="center" style={{ marginTop: 4 }}>
                <Minutes minutes={lesson.minutes} />
                {lesson.exercise !== 'none' && (
                  <Tag color="cyan" icon={<ExperimentOutlined />} variant="filled">
                    {labels.exercise(lesson.exercise)}
                  </Tag>
                )}
              </Flex>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A course at /learning/courses/:courseId: what it is, my progress with due date and resume
 * button (or enrol), the lessons in order with done ticks, and — once complete — the reaction
 * questionnaire.
 */
export default function CoursePage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const courseQuery = useCourse(courseId);
  const enrol = useEnrol();
  const { hash } = useLocation();
  const isLoaded = courseQuery.isSuccess;

  // "#feedback" (from a lesson that completed the course) scrolls to the questionnaire once it shows.
  useEffect(() => {
    if (!isLoaded || hash !== '#feedback') return;
    const timer = window.setTimeout(() => document.getElementById('feedback')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 100);
    return () => window.clearTimeout(timer);
  }, [isLoaded, hash]);

  if (courseQuery.isPending || courseQuery.isError) {
    return (
      <>
        <LearningHeader tab="courses" />
        {courseQuery.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <LoadFailure error={courseQuery.error} backTo="/learning" backLabel={t('learn.common.backToCourses')} onRetry={() => void courseQuery.refetch()} />
        )}
      </>
    );
  }
  const course = courseQuery.data;
  const mine = course.myProgress;
  const doneCount = course.lessons.filter((lesson) => mine.doneLessonIds.includes(lesson.id)).length;
  const isComplete = mine.completedAt !== null;
  const resumeId = resumeLessonId(course.lessons, mine);
  const resumeLesson = course.lessons.find((lesson) => lesson.id === resumeId);
  const openResume = () => resumeId && navigate(`/learning/lessons/${encodeURIComponent(resumeId)}`);
  const onEnrol = () =>
    enrol.mutate(course.id, {
      onSuccess: () => void message.success(t('learn.catalogue.enrolled', { title: labels.text(course.title) })),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <div data-testid="learning-course" data-course-id={course.id}>
      <LearningHeader tab="courses" />
      <div className="cd-page-header">
        <BackLink to="/learning">{t('learn.common.backToCourses')}</BackLink>
        <Typography.Title level={3} style={{ margin: '4px 0 0' }} data-testid="learning-course-title">
          {labels.text(course.title)}
        </Typography.Title>
        <Typography.Paragraph className="cd-learning-lead">{labels.text(course.summary)}</Typography.Paragraph>
        <Flex gap={16} wrap align="center">
          <Typography.Text>
            <UsergroupAddOutlined /> {labels.text(course.audience)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('learn.common.lessons', { count: course.lessonCount })}</Typography.Text>
          <Minutes minutes={course.minutes} />
          <Flex gap={4} wrap>
            {course.tags.map((tag) => (
              <Tag key={tag} variant="filled">
                {labels.tag(tag)}
              </Tag>
            ))}
          </Flex>
        </Flex>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16} style={{ order: 1 }}>
          <Flex vertical gap={16}>
            {isComplete && (
              <Alert
                type="success"
                showIcon
                icon={<TrophyOutlined />}
                data-testid="learning-course-complete"
                title={t('learn.course.complete', { date: labels.date(mine.completedAt!) })}
                description={mine.hasGivenFeedback ? t('learn.course.completeThanks') : t('learn.course.completeAsk')}
              />
            )}
            <Card variant="borderless" title={t('learn.course.lessonsTitle')}>
              <LessonList course={course} />
            </Card>
            {isComplete && <CourseFeedback key={course.id} courseId={course.id} hasGivenFeedback={mine.hasGivenFeedback} />}
          </Flex>
        </Col>
        <Col xs={24} lg={8} style={{ order: 2 }}>
          <Card variant="borderless" title={t('learn.course.myProgress')} data-testid="learning-course-progress">
            {mine.isEnrolled ? (
              <Flex vertical gap={12}>
                <Progress type="circle" percent={percentDone(doneCount, course.lessons.length)} size={96} status={isComplete ? 'success' : 'normal'} style={{ alignSelf: 'center' }} />
                <Typography.Text style={{ textAlign: 'center' }}>{t('learn.common.progress', { done: doneCount, total: course.lessons.length })}</Typography.Text>
                {mine.dueDate && (
                  <Flex justify="center">
                    <DueDate dueDate={mine.dueDate} completedAt={mine.completedAt} testId="learning-course-due" />
                  </Flex>
                )}
                {resumeLesson && (
                  <>
                    <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
                      {isComplete ? t('learn.course.reviewFrom', { title: labels.text(resumeLesson.title) }) : t('learn.course.resumeFrom', { title: labels.text(resumeLesson.title) })}
                    </Typography.Text>
                    <Button type="primary" size="large" block icon={<PlayCircleOutlined />} onClick={openResume} data-testid="learning-course-resume">
                      {isComplete ? t('learn.common.review') : doneCount === 0 ? t('learn.common.start') : t('learn.common.continue')}
                    </Button>
                  </>
                )}
              </Flex>
            ) : (
              <Flex vertical gap={12}>
                <Typography.Paragraph style={{ margin: 0 }}>{t('learn.course.enrolHint')}</Typography.Paragraph>
                <Button type="primary" size="large" block loading={enrol.isPending} onClick={onEnrol} data-testid="learning-course-enrol">
                  {t('learn.common.enrol')}
                </Button>
                {resumeLesson && (
                  <Button block onClick={openResume} data-testid="learning-course-preview">
                    {t('learn.course.preview')}
                  </Button>
                )}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
