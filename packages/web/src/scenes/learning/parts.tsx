import { ArrowLeftOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useErrorMessage } from '../../hooks/use-error-message';
import { isCourseOverdue } from './progress';
import './learning.css';

/** Small pieces the learner pages share: a back link, due dates, error states. */

/** A "← back to …" link above a page title. */
export function BackLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Link to={to} className="cd-learning-back" data-testid={testId}>
      <ArrowLeftOutlined /> {children}
    </Link>
  );
}

/**
 * A course's due date: red and marked overdue once passed (unless completed).
 * @param props.dueDate 'YYYY-MM-DD' or null (then nothing shows)
 * @param props.completedAt completion time; a completed course is never overdue
 */
export function DueDate({ dueDate, completedAt, testId }: { dueDate: string | null; completedAt: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (dueDate === null) return null;
  const overdue = isCourseOverdue(dueDate, dayjs().format('YYYY-MM-DD'), completedAt);
  return (
    <Tag color={overdue ? 'error' : 'default'} icon={<ClockCircleOutlined />} data-testid={testId} data-overdue={overdue}>
      {overdue ? t('learn.common.overdue', { date: dueDate.slice(0, 10) }) : t('learn.common.due', { date: dueDate.slice(0, 10) })}
    </Tag>
  );
}

/**
 * The whole-page answer to a failed load: "not found" for a 404, else the error with a retry.
 * @param props.error what the query threw
 * @param props.backTo where the button leads
 * @param props.backLabel the button's text
 * @param props.onRetry reload (shown for errors other than 404)
 */
export function LoadFailure({ error, backTo, backLabel, onRetry }: { error: unknown; backTo: string; backLabel: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const isMissing = AppError.parseError(error).code === 'NOT_FOUND';
  return (
    <Result
      status={isMissing ? '404' : 'error'}
      title={isMissing ? t('learn.common.notFound') : errorMessage(error)}
      data-testid="learning-load-failure"
      extra={[
        ...(onRetry && !isMissing
          ? [
              <Button key="retry" onClick={onRetry}>
                {t('learn.common.retry')}
              </Button>,
            ]
          : []),
        <Link key="back" to={backTo}>
          <Button type="primary">{backLabel}</Button>
        </Link>,
      ]}
    />
  );
}

/** An error inside a page section, with a retry. */
export function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('learn.common.retry')}
        </Button>
      }
    />
  );
}

/** Minutes of reading, as a quiet line. */
export function Minutes({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      <ClockCircleOutlined /> {t('learn.common.minutes', { count: minutes })}
    </Typography.Text>
  );
}
