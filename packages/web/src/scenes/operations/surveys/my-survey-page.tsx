import { ArrowLeftOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Result, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../../api/client';
import { useMySurvey, useSubmitSurvey } from '../../../api/surveys';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { answeredCount, answersToSend, isEmptyAnswer, missingAnswers, type TAnswerValue } from './answers';
import { KIND_COLOR, useSurveyLabels } from './labels';
import { SurveyForm } from './survey-form';

/**
 * 填写问卷 at /my/surveys/:surveyId (the link in the invitation): the questions, required ones
 * checked before sending; one answer per person. On an anonymous survey the page says that the
 * answers are stored without the name. Answered or closed surveys show that instead of the form.
 */
export default function MySurveyPage() {
  const { surveyId } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const query = useMySurvey(surveyId);
  const submit = useSubmitSurvey();
  const [answers, setAnswers] = useState<Record<string, TAnswerValue>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSent, setSent] = useState(false);
  const survey = query.data;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/my/surveys')} data-testid="my-survey-back">
      {t('surveys.form.back')}
    </Button>
  );

  if (query.isError) {
    return (
      <div>
        <MyHeader tab="surveys" />
        <Result status="404" title={errorMessage(query.error)} subTitle={t('surveys.form.notFound')} extra={back} data-testid="my-survey-missing" />
      </div>
    );
  }
  if (!survey) return <Skeleton active paragraph={{ rows: 12 }} />;

  if (isSent || survey.respondedAt) {
    return (
      <div>
        <MyHeader tab="surveys" />
        <Result
          status="success"
          title={isSent ? t('surveys.form.thanks') : t('surveys.form.alreadyAnswered')}
          subTitle={survey.respondedAt ? t('surveys.form.answeredOn', { date: dayjs(survey.respondedAt).format('YYYY-MM-DD HH:mm') }) : survey.isAnonymous ? t('surveys.form.thanksAnonymous') : t('surveys.form.thanksNamed')}
          extra={back}
          data-testid="my-survey-done"
        />
      </div>
    );
  }
  if (survey.status !== 'open') {
    return (
      <div>
        <MyHeader tab="surveys" />
        <Result icon={<LockOutlined />} title={t('surveys.form.closed')} extra={back} data-testid="my-survey-closed" />
      </div>
    );
  }

  const done = answeredCount(survey.questions, answers);
  const onSubmit = () => {
    const missing = missingAnswers(survey.questions, answers);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((id) => [id, t('surveys.form.requiredMissing')])));
      document.getElementById(`survey-question-${missing[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      void message.error(t('surveys.form.missingCount', { count: missing.length }));
      return;
    }
    setErrors({});
    submit.mutate(
      { id: survey.id, answers: answersToSend(survey.questions, answers) },
      {
        onSuccess: () => setSent(true),
        onError: (err) => {
          const appError = AppError.parseError(err);
          const placed: Record<string, string> = {};
          for (const issue of appError.issues) {
            const id = /answers\.([^.]+)/.exec(issue.path)?.[1];
            if (id) placed[id] = t('errors.fieldInvalid', { message: issue.message });
          }
          setErrors(placed);
          // A second answer or a survey closed meanwhile: reload to show where it stands.
          if (appError.code === 'CONFLICT') void query.refetch();
          void message.error(errorMessage(err));
        },
      },
    );
  };

  return (
    <div data-testid="my-survey">
      <MyHeader tab="surveys" extra={back} />
      <Card variant="borderless" style={{ marginBottom: 16, maxWidth: 880 }}>
        <Flex gap={6} wrap style={{ marginBottom: 8 }}>
          <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag>
          {survey.dueDate && <Tag>{t('surveys.my.dueOn', { date: survey.dueDate })}</Tag>}
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="my-survey-title">
          {survey.title}
        </Typography.Title>
        {survey.description && <Typography.Paragraph type="secondary">{survey.description}</Typography.Paragraph>}
        <Alert type={survey.isAnonymous ? 'success' : 'info'} showIcon title={survey.isAnonymous ? t('surveys.form.anonymousNote') : t('surveys.form.namedNote')} data-testid="my-survey-privacy" />
      </Card>
      <div style={{ maxWidth: 880 }}>
        <SurveyForm
          questions={survey.questions}
          answers={answers}
          onChange={(next) => {
            setAnswers(next);
            // A question answered loses its "required" mark at once.
            setErrors((current) => Object.fromEntries(Object.entries(current).filter(([id]) => isEmptyAnswer(next[id]))));
          }}
          errors={errors}
        />
        <Card variant="borderless" style={{ marginTop: 16, position: 'sticky', bottom: 0 }} styles={{ body: { padding: '12px 16px' } }}>
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Flex align="center" gap={8} style={{ flex: 1, minWidth: 200 }}>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('surveys.form.progress', { done, total: survey.questions.length })}
              </Typography.Text>
              <Progress percent={Math.round((done / Math.max(1, survey.questions.length)) * 100)} showInfo={false} size="small" />
            </Flex>
            <Button type="primary" icon={<SendOutlined />} onClick={onSubmit} loading={submit.isPending} data-testid="my-survey-submit">
              {t('surveys.form.submit')}
            </Button>
          </Flex>
        </Card>
      </div>
    </div>
  );
}
