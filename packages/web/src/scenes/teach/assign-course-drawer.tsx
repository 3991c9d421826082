import { App, Button, DatePicker, Drawer, Flex, Form, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../api/admin';
import { useAssignCourse, useCourseCatalogue } from '../../api/teach';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';
import { useTeachLabels } from './labels';

interface TAssignForm {
  courseId?: string;
  teamIds: string[];
  userIds: string[];
  dueDate?: Dayjs | null;
}

/**
 * 分配课程: assigns a published course to teams and/or single people with an optional due
 * date (POST /api/learning/courses/:id/assign). Assigning again moves the due date.
 * @param props.open whether the drawer shows
 * @param props.courseId a course to preselect
 */
export function AssignCourseDrawer({ open, onClose, courseId }: { open: boolean; onClose: () => void; courseId?: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useTeachLabels();
  const [form] = Form.useForm<TAssignForm>();
  const onError = useFormErrorHandler(form);
  const coursesQuery = useCourseCatalogue();
  const teamsQuery = useTeams();
  const peopleQuery = usePeople(open);
  const assign = useAssignCourse();

  useEffect(() => {
    if (open) form.setFieldsValue({ courseId, teamIds: [], userIds: [], dueDate: dayjs().add(14, 'day') });
  }, [open, courseId, form]);

  const submit = (values: TAssignForm) => {
    if (!values.courseId) return;
    if (values.teamIds.length === 0 && values.userIds.length === 0) {
      form.setFields([{ name: 'teamIds', errors: [t('teach.assign.nobody')] }]);
      return;
    }
    assign.mutate(
      { courseId: values.courseId, body: { teamIds: values.teamIds, userIds: values.userIds, dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null } },
      {
        onSuccess: (result) => {
          void message.success(t('teach.assign.done', { count: result.assigned }));
          onClose();
        },
        onError: (err) => onError(err),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('teach.assign.title')}
      size={480}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={assign.isPending} data-testid="teach-assign-submit">
            {t('teach.assign.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('teach.assign.intro')}</Typography.Paragraph>
      <Form<TAssignForm> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="courseId" label={t('teach.assign.course')} rules={[{ required: true, message: t('teach.assign.courseRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('teach.assign.coursePlaceholder')}
            loading={coursesQuery.isPending}
            options={(coursesQuery.data ?? []).map((course) => ({ value: course.id, label: labels.text(course.title) }))}
            data-testid="teach-assign-course"
          />
        </Form.Item>
        <Form.Item name="teamIds" label={t('teach.assign.teams')}>
          <Select
            mode="multiple"
            placeholder={t('teach.assign.teamsPlaceholder')}
            loading={teamsQuery.isPending}
            options={(teamsQuery.data ?? []).map((team) => ({ value: team.id, label: t('teach.assign.teamOption', { name: team.name, count: team.memberCount }) }))}
            optionFilterProp="label"
            data-testid="teach-assign-teams"
          />
        </Form.Item>
        <Form.Item name="userIds" label={t('teach.assign.people')}>
          <Select
            mode="multiple"
            placeholder={t('teach.assign.peoplePlaceholder')}
            loading={peopleQuery.isPending}
            options={(peopleQuery.data ?? []).map((person) => ({
              value: person.id,
              label: `${person.displayName}（${person.login}${person.teams.length > 0 ? ` · ${person.teams.map((team) => team.name).join('、')}` : ''}）`,
            }))}
            optionFilterProp="label"
            data-testid="teach-assign-people"
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('teach.assign.dueDate')} extra={t('teach.assign.dueHint')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} data-testid="teach-assign-due" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
