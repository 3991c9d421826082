import type { TSessionDetail, TSessionInput } from '@calmdesk/shared';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../../api/admin';
import { AppError } from '../../../api/client';
import { useCreateSession } from '../../../api/plans';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { SESSION_KINDS, type TSessionKind } from './labels';

type TSessionForm = {
  title: string;
  kind: TSessionKind;
  date: Dayjs;
  times: [Dayjs, Dayjs];
  location: string;
  instructorUserId: string | null;
  instructorName: string;
  teamIds: string[];
  userIds: string[];
  description: string;
};

/**
 * Schedules a one-off session (or a make-up session for people who missed one): title, kind, day
 * and times, place, instructor, and whom to enrol. Supervisors schedule drills for their own teams.
 * @param props.makeUpFor the missed session, when this is its make-up (its open tasks' people are enrolled by the server)
 */
export function SessionFormModal({ isOpen, onClose, onCreated, defaultDate, makeUpFor }: { isOpen: boolean; onClose: () => void; onCreated: (session: TSessionDetail) => void; defaultDate?: Dayjs; makeUpFor?: { id: string; title: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const current = useCurrentSession();
  const isTrainer = current.roles.includes('trainer');
  const [form] = Form.useForm<TSessionForm>();
  const create = useCreateSession();
  const people = usePeople(isOpen);
  const teams = useTeams();
  const [problem, setProblem] = useState<string | null>(null);
  const myTeamIds = new Set(current.teams.map((team) => team.id));
  const teamOptions = (teams.data ?? []).filter((team) => isTrainer || myTeamIds.has(team.id)).map((team) => ({ value: team.id, label: team.name }));
  const personOptions = (people.data ?? [])
    .filter((person) => isTrainer || person.teams.some((team) => myTeamIds.has(team.id)))
    .map((person) => ({ value: person.id, label: `${person.displayName}（${person.login}）` }));

  const submit = (values: TSessionForm) => {
    setProblem(null);
    const day = values.date.format('YYYY-MM-DD');
    const at = (time: Dayjs) => dayjs(`${day} ${time.format('HH:mm')}`, 'YYYY-MM-DD HH:mm').toISOString();
    const input: TSessionInput = {
      title: values.title,
      description: values.description ?? '',
      kind: isTrainer ? values.kind : 'drill',
      startsAt: at(values.times[0]),
      endsAt: at(values.times[1]),
      location: values.location ?? '',
      instructorUserId: values.instructorUserId ?? null,
      instructorName: values.instructorName?.trim() ? values.instructorName.trim() : null,
      teamIds: values.teamIds ?? [],
      userIds: values.userIds ?? [],
      makeUpForSessionId: makeUpFor?.id ?? null,
    };
    create.mutate(input, {
      onSuccess: (session) => {
        void message.success(t('plans.sessionForm.created', { count: session.enrolledCount }));
        form.resetFields();
        onCreated(session);
      },
      onError: (error) => {
        const appError = AppError.parseError(error);
        setProblem(appError.issues.length > 0 ? appError.issues.map((issue) => `${issue.path.replace(/^body\./, '')}: ${issue.message}`).join('；') : errorMessage(error));
      },
    });
  };

  const start = (defaultDate ?? dayjs().add(1, 'day')).hour(14).minute(0);
  return (
    <Modal
      open={isOpen}
      title={makeUpFor ? t('plans.sessionForm.makeUpTitle', { title: makeUpFor.title }) : t('plans.sessionForm.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plans.sessionForm.create')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'session-form-submit' } as never}
      width={720}
      destroyOnHidden
    >
      <Form<TSessionForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: makeUpFor ? `补课：${makeUpFor.title}` : '',
          kind: isTrainer ? 'classroom' : 'drill',
          date: start,
          times: [start, start.add(2, 'hour')],
          location: '',
          instructorUserId: null,
          instructorName: '',
          teamIds: [],
          userIds: [],
          description: '',
        }}
        data-testid="session-form"
      >
        {!isTrainer && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plans.sessionForm.supervisorHint')} />}
        {makeUpFor && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plans.sessionForm.makeUpHint')} />}
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('plans.fields.sessionTitle')} rules={[{ required: true, whitespace: true, message: t('plans.sessionForm.titleRequired') }]}>
              <Input maxLength={200} data-testid="session-form-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('plans.fields.kind')}>
              <Select disabled={!isTrainer} options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`plans.kind.${kind}`) }))} data-testid="session-form-kind" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="date" label={t('plans.fields.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="session-form-date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="times" label={t('plans.fields.times')} rules={[{ required: true }]}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} allowClear={false} data-testid="session-form-times" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="location" label={t('plans.fields.location')}>
              <Input maxLength={200} placeholder={t('plans.editor.locationPlaceholder')} data-testid="session-form-location" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="instructorUserId" label={t('plans.fields.instructor')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(people.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))} placeholder={t('plans.editor.instructorInside')} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="instructorName" label={t('plans.fields.invitedInstructor')}>
              <Input maxLength={100} placeholder={t('plans.editor.instructorOutside')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="teamIds" label={t('plans.fields.teams')}>
              <Select mode="multiple" allowClear options={teamOptions} data-testid="session-form-teams" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="userIds" label={t('plans.fields.people')}>
              <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} maxTagCount="responsive" data-testid="session-form-people" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={t('plans.fields.description')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        {problem && <Alert type="error" showIcon title={problem} data-testid="session-form-problem" />}
      </Form>
    </Modal>
  );
}
