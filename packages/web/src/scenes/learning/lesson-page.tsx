import { CheckCircleFilled, DownloadOutlined, ExperimentOutlined, LeftOutlined, PlayCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { safeUrl } from '../../components/safe-markdown';
import { useCourse, useLesson, type TLessonDetail } from '../../api/learning';
import { hasExercise, LessonExercise } from './exercises/exercise';
import { useLearningLabels } from './labels';
import { LessonQuiz } from './lesson-quiz';
import { LearningHeader } from './learning-header';
import { BackLink, LoadFailure, Minutes } from './parts';
import { lessonNeighbours } from './progress';
import { RichText } from './rich-text';
import { lessonVideo } from './video';

/** The lesson's video: a player for known hosts over https, else a link that opens a new tab. */
function LessonVideo({ link, title }: { link: string | null; title: string }) {
  const { t } = useTranslation();
  const video = lessonVideo(link);
  if (!video) return null;
  return (
    <Card variant="borderless" size="small" title={t('learn.lesson.video')} data-testid="learning-lesson-video" data-kind={video.kind}>
      {video.kind === 'embed' ? (
        <>
          <div className="cd-learning-video">
            <iframe
              src={video.src}
              title={title}
              loading="lazy"
              allow="fullscreen; picture-in-picture"
              allowFullScreen
              referrerPolicy="strict-origin-when-cross-origin"
              sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
            />
          </div>
          <a href={video.href} target="_blank" rel="noopener noreferrer nofollow" className="cd-learning-video__source">
            {t('learn.lesson.openVideo')}
          </a>
        </>
      ) : (
        <a href={video.href} target="_blank" rel="noopener noreferrer nofollow" data-testid="learning-lesson-video-link">
          <PlayCircleOutlined /> {t('learn.lesson.openVideo')}
        </a>
      )}
    </Card>
  );
}

/** Material to download; addresses that could run script are left out. */
function Downloads({ lesson }: { lesson: TLessonDetail }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const items = lesson.downloads.map((item) => ({ ...item, href: safeUrl(item.url) })).filter((item) => item.href !== '');
  if (items.length === 0) return null;
  return (
    <Card variant="borderless" size="small" title={t('learn.lesson.downloads')} data-testid="learning-lesson-downloads">
      <ul className="cd-learning-downloads">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} target="_blank" rel="noopener noreferrer nofollow" download>
              <DownloadOutlined /> {labels.text(item.title)}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * A lesson at /learning/lessons/:lessonId: title and minutes, the text (safe Markdown), the
 * video and downloads, the interactive exercise, the quiz with "finish lesson", and the way to
 * the previous and next lesson of the course.
 */
export default function LessonPage() {
  const { lessonId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const lessonQuery = useLesson(lessonId);
  const courseQuery = useCourse(lessonQuery.data?.courseId);

  if (lessonQuery.isPending || lessonQuery.isError) {
    return (
      <>
        <LearningHeader tab="courses" />
        {lessonQuery.isPending ? (
          <Skeleton active paragraph={{ rows: 14 }} />
        ) : (
          <LoadFailure error={lessonQuery.error} backTo="/learning" backLabel={t('learn.common.backToCourses')} onRetry={() => void lessonQuery.refetch()} />
        )}
      </>
    );
  }
  const lesson = lessonQuery.data;
  const course = courseQuery.data;
  const coursePath = `/learning/courses/${encodeURIComponent(lesson.courseId)}`;
  const { previous, next } = course ? lessonNeighbours(course.lessons, lesson.id) : { previous: null, next: null };
  const isDone = course ? course.myProgress.doneLessonIds.includes(lesson.id) : lesson.myProgress !== null;
  const title = labels.text(lesson.title);

  return (
    <div data-testid="learning-lesson" data-lesson-id={lesson.id}>
      <LearningHeader tab="courses" />
      <div className="cd-page-header cd-learning-lesson-head">
        <BackLink to={coursePath} testId="learning-lesson-back">
          {course ? labels.text(course.title) : t('learn.lesson.backToCourse')}
        </BackLink>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {course ? t('learn.lesson.lessonOf', { n: lesson.position, total: course.lessons.length }) : t('learn.lesson.lessonN', { n: lesson.position })}
        </Typography.Text>
        <Typography.Title level={2} className="cd-learning-lesson-title" data-testid="learning-lesson-title">
          {title}
        </Typography.Title>
        <Flex gap={12} wrap align="center">
          <Minutes minutes={lesson.minutes} />
          {isDone && (
            <Tag color="success" icon={<CheckCircleFilled />} data-testid="learning-lesson-done">
              {t('learn.common.completed')}
            </Tag>
          )}
          {hasExercise(lesson.exercise) && (
            <Tag color="cyan" icon={<ExperimentOutlined />} variant="filled">
              {labels.exercise(lesson.exercise)}
            </Tag>
          )}
        </Flex>
        <Typography.Paragraph className="cd-learning-lead">{labels.text(lesson.summary)}</Typography.Paragraph>
      </div>

      <div className="cd-learning-lesson">
        <Card variant="borderless" className="cd-learning-lesson__body">
          <RichText testId="learning-lesson-body">{lesson.bodyMd}</RichText>
        </Card>
        <LessonVideo link={lesson.video} title={title} />
        <Downloads lesson={lesson} />
        {hasExercise(lesson.exercise) && (
          <Card variant="borderless" title={<span>{t('learn.lesson.exercise', { name: labels.exercise(lesson.exercise) })}</span>} data-testid="learning-lesson-exercise" data-exercise={lesson.exercise}>
            <LessonExercise key={lesson.id} exercise={lesson.exercise} lessonId={lesson.id} lessonTitle={title} />
          </Card>
        )}
        <LessonQuiz key={lesson.id} lesson={lesson} />
        <Flex justify="space-between" gap={12} wrap className="cd-learning-pager">
          {previous ? (
            <Link to={`/learning/lessons/${encodeURIComponent(previous.id)}`} className="cd-learning-pager__link" data-testid="learning-lesson-previous">
              <LeftOutlined /> <span className="cd-learning-pager__hint">{t('learn.lesson.previous')}</span>
              <span className="cd-learning-pager__title">{labels.text(previous.title)}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link to={`/learning/lessons/${encodeURIComponent(next.id)}`} className="cd-learning-pager__link cd-learning-pager__link--next" data-testid="learning-lesson-next">
              <span className="cd-learning-pager__hint">{t('learn.lesson.next')}</span>
              <span className="cd-learning-pager__title">{labels.text(next.title)}</span> <RightOutlined />
            </Link>
          ) : (
            <Link to={coursePath}>
              <Button data-testid="learning-lesson-to-course">{t('learn.lesson.backToCourse')}</Button>
            </Link>
          )}
        </Flex>
      </div>
    </div>
  );
}
