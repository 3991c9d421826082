import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../api/admin';
import { useCreateAssignment, useScenarios } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';
import { useRoleplayLabels } from './labels';

interface TAssignForm {
  scenarioId?: string;
  teamIds: string[];
  userIds: string[];
  includeMe: boolean;
  dueDate?: Dayjs | null;
}

/**
 * Assigns a scenario to teams and/or single people (and, if wanted, to oneself), with an
 * optional due date.
 * @param props.open whether the drawer shows
 * @param props.scenarioId a scenario to preselect
 */
export function AssignDrawer({ open, onClose, scenarioId }: { open: boolean; onClose: () => void; scenarioId?: string }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const labels = useRoleplayLabels();
  const [form] = Form.useForm<TAssignForm>();
  const onError = useFormErrorHandler(form);
  const scenariosQuery = useScenarios();
  const teamsQuery = useTeams();
  const peopleQuery = usePeople(open);
  const createAssignment = useCreateAssignment();

  useEffect(() => {
    if (open) form.setFieldsValue({ scenarioId, teamIds: [], userIds: [], includeMe: false, dueDate: dayjs().add(7, 'day') });
  }, [open, scenarioId, form]);

  const submit = (values: TAssignForm) => {
    if (!values.scenarioId) return;
    if (values.teamIds.length === 0 && values.userIds.length === 0 && !values.includeMe) {
      form.setFields([{ name: 'teamIds', errors: [t('roleplay.assign.nobody')] }]);
      return;
    }
    createAssignment.mutate(
      {
        scenarioId: values.scenarioId,
        teamIds: values.teamIds,
        userIds: [...new Set([...values.userIds, ...(values.includeMe ? [session.user.id] : [])])],
        dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
      },
      {
        onSuccess: (assignment) => {
          void message.success(t('roleplay.assign.done', { count: assignment.people }));
          onClose();
        },
        onError: (err) => onError(err),
      },
    );
  };

  const published = (scenariosQuery.data ?? []).filter((scenario) => scenario.status !== 'draft');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('roleplay.assign.title')}
      size={460}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={createAssignment.isPending} data-testid="roleplay-assign-submit">
            {t('roleplay.assign.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<TAssignForm> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="scenarioId" label={t('roleplay.assign.scenario')} rules={[{ required: true, message: t('roleplay.assign.scenarioRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('roleplay.assign.scenarioPlaceholder')}
            loading={scenariosQuery.isPending}
            options={published.map((scenario) => ({ value: scenario.id, label: labels.text(scenario.title) }))}
            data-testid="roleplay-assign-scenario"
          />
        </Form.Item>
        <Form.Item name="teamIds" label={t('roleplay.assign.teams')}>
          <Select
            mode="multiple"
            placeholder={t('roleplay.assign.teamsPlaceholder')}
            loading={teamsQuery.isPending}
            options={(teamsQuery.data ?? []).map((team) => ({ value: team.id, label: t('roleplay.assign.teamOption', { name: team.name, count: team.memberCount }) }))}
            optionFilterProp="label"
            data-testid="roleplay-assign-teams"
          />
        </Form.Item>
        <Form.Item name="userIds" label={t('roleplay.assign.people')}>
          <Select
            mode="multiple"
            placeholder={t('roleplay.assign.peoplePlaceholder')}
            loading={peopleQuery.isPending}
            options={(peopleQuery.data ?? []).map((person) => ({
              value: person.id,
              label: `${person.displayName}（${person.login}${person.teams.length > 0 ? ` · ${person.teams.map((team) => team.name).join('、')}` : ''}）`,
            }))}
            optionFilterProp="label"
            data-testid="roleplay-assign-people"
          />
        </Form.Item>
        <Form.Item name="includeMe" valuePropName="checked">
          <Checkbox data-testid="roleplay-assign-me">{t('roleplay.assign.includeMe')}</Checkbox>
        </Form.Item>
        <Form.Item name="dueDate" label={t('roleplay.assign.dueDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} data-testid="roleplay-assign-due" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
