import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TPlanDetail, TPlanInput, TPlanItem } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../../api/admin';
import { AppError } from '../../../api/client';
import { useCourses } from '../../../api/learning';
import { useSavePlan } from '../../../api/plans';
import { useScenarios } from '../../../api/roleplay';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { SESSION_KINDS } from './labels';

type TItemForm = Omit<TPlanItem, 'date' | 'startTime'> & { date: Dayjs; startTime: Dayjs };
type TPlanForm = { year: number; title: string; goals: string[]; methods: string; budget: number | null; items: TItemForm[] };

const newItemId = () => `item-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

function blankItem(year: number): TItemForm {
  return {
    id: newItemId(),
    theme: '',
    goal: '',
    kind: 'classroom',
    date: dayjs(`${year}-03-12`),
    startTime: dayjs('14:00', 'HH:mm'),
    durationMinutes: 120,
    repeat: 1,
    everyDays: 7,
    location: '',
    instructorUserId: null,
    instructorName: null,
    courseId: null,
    scenarioIds: [],
    teamIds: [],
    userIds: [],
    budget: null,
    sourceSurveyId: null,
  };
}

function toForm(plan: TPlanDetail | undefined): TPlanForm {
  const year = plan?.year ?? dayjs().year() + 1;
  if (!plan) return { year, title: `${year} 年度客服情绪管理培训计划`, goals: [''], methods: '', budget: null, items: [blankItem(year)] };
  return {
    year: plan.year,
    title: plan.title,
    goals: plan.content.goals.length > 0 ? plan.content.goals : [''],
    methods: plan.content.methods,
    budget: plan.content.budget,
    items: plan.content.items.map((item) => ({ ...item, date: dayjs(item.date), startTime: dayjs(item.startTime, 'HH:mm') })),
  };
}

function toInput(values: TPlanForm): TPlanInput {
  return {
    year: values.year,
    title: values.title,
    content: {
      goals: values.goals.map((goal) => goal?.trim()).filter(Boolean),
      methods: values.methods ?? '',
      budget: values.budget ?? null,
      items: (values.items ?? []).map((item) => ({
        ...item,
        date: item.date.format('YYYY-MM-DD'),
        startTime: item.startTime.format('HH:mm'),
        instructorUserId: item.instructorUserId ?? null,
        instructorName: item.instructorName?.trim() ? item.instructorName.trim() : null,
        courseId: item.courseId ?? null,
        budget: item.budget ?? null,
        goal: item.goal ?? '',
        location: item.location ?? '',
      })),
    },
  };
}

/**
 * The trainer's plan form: title and year, goals, methods, the overall budget, and the items
 * (theme, goal, kind, first date and time, duration, repeats, place, instructor from the
 * organisation or invited, course, role-play scenarios, teams and people, budget).
 * @param props.plan the plan to edit; a new plan when absent
 * @param props.onSaved called with the saved plan
 */
export function PlanEditor({ plan, onSaved, onCancel }: { plan?: TPlanDetail; onSaved: (plan: TPlanDetail) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<TPlanForm>();
  const save = useSavePlan();
  const people = usePeople();
  const teams = useTeams();
  const courses = useCourses();
  const scenarios = useScenarios();
  const [problems, setProblems] = useState<string[]>([]);
  const pick = (text: { zh: string; en: string }) => (i18n.language === 'en' ? text.en : text.zh);
  const personOptions = (people.data ?? []).map((person) => ({ value: person.id, label: `${person.displayName}（${person.login}）` }));

  const submit = (values: TPlanForm) => {
    setProblems([]);
    save.mutate(
      { ...(plan ? { id: plan.id } : {}), plan: toInput(values) },
      {
        onSuccess: (saved) => {
          void message.success(t('plans.editor.saved'));
          onSaved(saved);
        },
        onError: (error) => {
          const appError = AppError.parseError(error);
          setProblems(appError.issues.length > 0 ? appError.issues.map((issue) => `${issue.path.replace(/^body\./, '')}: ${issue.message}`) : [errorMessage(error)]);
        },
      },
    );
  };

  return (
    // No <form> element: Enter in a date or time picker confirms the picker, it must not save (and create) the plan.
    <div data-testid="plan-editor">
    <Form<TPlanForm> form={form} component={false} layout="vertical" initialValues={toForm(plan)} onFinish={submit} scrollToFirstError>
      <Card variant="borderless" title={t('plans.editor.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, whitespace: true, message: t('plans.editor.titleRequired') }]}>
              <Input maxLength={200} data-testid="plan-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="year" label={t('plans.fields.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="plan-year" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="budget" label={t('plans.fields.overallBudget')}>
              <InputNumber min={0} step={1000} prefix="¥" style={{ width: '100%' }} data-testid="plan-budget" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <Form.Item label={t('plans.fields.goals')} extra={t('plans.editor.goalsHint')}>
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8}>
                    <Form.Item name={field.name} noStyle>
                      <Input maxLength={500} placeholder={t('plans.editor.goalPlaceholder')} data-testid={`plan-goal-${index}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} data-testid="plan-add-goal" style={{ alignSelf: 'flex-start' }}>
                  {t('plans.editor.addGoal')}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="methods" label={t('plans.fields.methods')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder={t('plans.editor.methodsPlaceholder')} data-testid="plan-methods" />
        </Form.Item>
      </Card>

      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('plans.editor.items')}
            </Typography.Title>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('plans.editor.itemNumber', { number: index + 1 })}
                extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} data-testid={`plan-item-remove-${index}`}>{t('common.delete')}</Button>}
                data-testid={`plan-item-${index}`}
              >
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'theme']} label={t('plans.fields.theme')} rules={[{ required: true, whitespace: true, message: t('plans.editor.themeRequired') }]}>
                      <Input maxLength={200} data-testid={`plan-item-theme-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'kind']} label={t('plans.fields.kind')}>
                      <Select options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`plans.kind.${kind}`) }))} data-testid={`plan-item-kind-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'date']} label={t('plans.fields.firstDate')} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} allowClear={false} data-testid={`plan-item-date-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'startTime']} label={t('plans.fields.startTime')} rules={[{ required: true }]}>
                      <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} allowClear={false} data-testid={`plan-item-time-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item name={[field.name, 'goal']} label={t('plans.fields.itemGoal')}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid={`plan-item-goal-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={4}>
                    <Form.Item name={[field.name, 'durationMinutes']} label={t('plans.fields.duration')}>
                      <InputNumber min={15} max={480} step={15} suffix={t('plans.editor.minutes')} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[field.name, 'repeat']} label={t('plans.fields.repeat')} tooltip={t('plans.editor.repeatHint')}>
                      <InputNumber min={1} max={20} style={{ width: '100%' }} data-testid={`plan-item-repeat-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={8} md={3}>
                    <Form.Item name={[field.name, 'everyDays']} label={t('plans.fields.everyDays')}>
                      <InputNumber min={1} max={92} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'location']} label={t('plans.fields.location')}>
                      <Input maxLength={200} placeholder={t('plans.editor.locationPlaceholder')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'instructorUserId']} label={t('plans.fields.instructor')}>
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} placeholder={t('plans.editor.instructorInside')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'instructorName']} label={t('plans.fields.invitedInstructor')}>
                      <Input maxLength={100} placeholder={t('plans.editor.instructorOutside')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'teamIds']} label={t('plans.fields.teams')}>
                      <Select mode="multiple" allowClear options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} data-testid={`plan-item-teams-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'userIds']} label={t('plans.fields.people')}>
                      <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions} maxTagCount="responsive" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[field.name, 'budget']} label={t('plans.fields.itemBudget')}>
                      <InputNumber min={0} step={100} prefix="¥" style={{ width: '100%' }} data-testid={`plan-item-budget-${index}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'courseId']} label={t('plans.fields.course')}>
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(courses.data ?? []).map((course) => ({ value: course.id, label: pick(course.title) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'scenarioIds']} label={t('plans.fields.scenarios')}>
                      <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={(scenarios.data ?? []).map((scenario) => ({ value: scenario.id, label: pick(scenario.title) }))} maxTagCount="responsive" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blankItem(form.getFieldValue('year') ?? dayjs().year()))} data-testid="plan-add-item" block>
              {t('plans.editor.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>

      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.editor.notSaved')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
          data-testid="plan-editor-problems"
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="plan-save">
          {t('plans.editor.save')}
        </Button>
      </Flex>
    </Form>
    </div>
  );
}
