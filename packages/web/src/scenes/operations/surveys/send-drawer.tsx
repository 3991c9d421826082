import { App, Button, DatePicker, Drawer, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../../api/admin';
import { useSendSurvey } from '../../../api/surveys';
import { useFormErrorHandler } from '../../../hooks/use-form-error-handler';

interface TSendForm {
  teamIds: string[];
  userIds: string[];
  dueDate?: Dayjs | null;
}

/**
 * 发送问卷: to teams and/or single people, with a due date (POST /api/ops/surveys/:id/send). A draft
 * opens; an open survey reaches the newly chosen people only. Each of them gets a notice.
 * @param props.surveyId the survey to send; the drawer shows while it is set
 * @param props.isMore the survey is open already (the texts say "send to more people")
 * @param props.onSent called after sending
 */
export function SendSurveyDrawer({ surveyId, isMore, dueDate, onClose, onSent }: { surveyId: string | null; isMore: boolean; dueDate?: string | null; onClose: () => void; onSent?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TSendForm>();
  const onError = useFormErrorHandler(form);
  const open = surveyId !== null;
  const teamsQuery = useTeams();
  const peopleQuery = usePeople(open);
  const send = useSendSurvey();

  useEffect(() => {
    if (open) form.setFieldsValue({ teamIds: [], userIds: [], dueDate: dueDate ? dayjs(dueDate) : dayjs().add(7, 'day') });
  }, [open, dueDate, form]);

  const submit = (values: TSendForm) => {
    if (!surveyId) return;
    if (values.teamIds.length === 0 && values.userIds.length === 0) {
      form.setFields([{ name: 'teamIds', errors: [t('surveys.send.nobody')] }]);
      return;
    }
    send.mutate(
      { id: surveyId, body: { teamIds: values.teamIds, userIds: values.userIds, dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null } },
      {
        onSuccess: (result) => {
          void message.success(result.invited > 0 ? t('surveys.send.done', { count: result.invited }) : t('surveys.send.nobodyNew'));
          onClose();
          onSent?.();
        },
        onError: (err) => onError(err),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isMore ? t('surveys.send.titleMore') : t('surveys.send.title')}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={send.isPending} data-testid="survey-send-submit">
            {t('surveys.send.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{isMore ? t('surveys.send.introMore') : t('surveys.send.intro')}</Typography.Paragraph>
      <Form<TSendForm> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="teamIds" label={t('surveys.send.teams')}>
          <Select
            mode="multiple"
            placeholder={t('surveys.send.teamsPlaceholder')}
            loading={teamsQuery.isPending}
            options={(teamsQuery.data ?? []).map((team) => ({ value: team.id, label: t('surveys.send.teamOption', { name: team.name, count: team.memberCount }) }))}
            optionFilterProp="label"
            data-testid="survey-send-teams"
          />
        </Form.Item>
        <Form.Item name="userIds" label={t('surveys.send.people')}>
          <Select
            mode="multiple"
            placeholder={t('surveys.send.peoplePlaceholder')}
            loading={peopleQuery.isPending}
            options={(peopleQuery.data ?? []).map((person) => ({
              value: person.id,
              label: `${person.displayName}（${person.login}${person.teams.length > 0 ? ` · ${person.teams.map((team) => team.name).join('、')}` : ''}）`,
            }))}
            optionFilterProp="label"
            data-testid="survey-send-people"
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('surveys.send.due')} extra={t('surveys.send.dueHint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} data-testid="survey-send-due" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
