import {
  LIMITS,
  ROLES,
  type TCreateUserRequest,
  type TRole,
  type TTeam,
  type TUpdateUserRequest,
  type TUserSummary,
} from '@calmdesk/shared';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUpdateUser } from '../../api/admin';
import { passwordRules } from '../../components/form-rules';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';

interface TUserForm {
  login: string;
  displayName: string;
  password: string;
  roles: TRole[];
  teamIds: string[];
  hireDate: Dayjs | null;
  isActive: boolean;
}

const LOGIN_PATTERN = /^[A-Za-z0-9._@-]+$/;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * The PATCH body for an edit: only what changed, so the audit log records real changes.
 * @param user the user as loaded
 * @param values the form's values
 * @returns the fields that differ
 */
export function userChanges(user: TUserSummary, values: Omit<TUserForm, 'login' | 'password'>): TUpdateUserRequest {
  const body: TUpdateUserRequest = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) body.displayName = displayName;
  if (!sameSet(values.roles, user.roles)) body.roles = values.roles;
  if (!sameSet(values.teamIds, user.teams.map((team) => team.id))) body.teamIds = values.teamIds;
  const hireDate = values.hireDate ? values.hireDate.format('YYYY-MM-DD') : null;
  if (hireDate !== user.hireDate) body.hireDate = hireDate;
  if (values.isActive !== user.isActive) body.isActive = values.isActive;
  return body;
}

/**
 * Drawer to add a user (`user` null) or edit one. The login and initial password are set
 * only when adding; a password is changed later with "reset password".
 */
export function UserFormDrawer({
  open,
  user,
  teams,
  onClose,
  onCreated,
}: {
  open: boolean;
  user: TUserSummary | null;
  teams: readonly TTeam[];
  onClose: () => void;
  /** Called with the new user after a successful create. */
  onCreated?: (user: TUserSummary) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<TUserForm>();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const onError = useFormErrorHandler(form);
  const isEdit = user !== null;
  const isSaving = createUser.isPending || updateUser.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            login: user.login,
            displayName: user.displayName,
            roles: [...user.roles],
            teamIds: user.teams.map((team) => team.id),
            hireDate: user.hireDate ? dayjs(user.hireDate) : null,
            isActive: user.isActive,
          }
        : { login: '', displayName: '', password: '', roles: ['agent'], teamIds: [], hireDate: null, isActive: true },
    );
  }, [open, user, form]);

  const lastAdminError = { field: 'roles', message: t('admin.users.lastAdmin') };

  const onFinish = (values: TUserForm) => {
    if (user) {
      const body = userChanges(user, values);
      if (Object.keys(body).length === 0) {
        onClose();
        return;
      }
      updateUser.mutate(
        { id: user.id, body },
        {
          onSuccess: (saved) => {
            void message.success(t('admin.users.updated', { name: saved.displayName }));
            onClose();
          },
          onError: (err) => onError(err, { CONFLICT: lastAdminError }),
        },
      );
      return;
    }
    const body: TCreateUserRequest = {
      login: values.login.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
      roles: values.roles,
      teamIds: values.teamIds,
      hireDate: values.hireDate ? values.hireDate.format('YYYY-MM-DD') : null,
    };
    createUser.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('admin.users.created', { name: saved.displayName }));
        onClose();
        onCreated?.(saved);
      },
      onError: (err) => onError(err, { CONFLICT: { field: 'login', message: t('admin.users.loginTaken') } }),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      size={screens.sm === false ? '100%' : 480}
      destroyOnHidden
      data-testid="user-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<TUserForm> form={form} layout="vertical" onFinish={onFinish} disabled={isSaving}>
        <Form.Item
          name="login"
          label={t('admin.users.login')}
          extra={isEdit ? undefined : t('admin.users.loginHint')}
          rules={
            isEdit
              ? []
              : [
                  { required: true, whitespace: true, message: t('validation.required') },
                  { min: 2, message: t('validation.minLength', { count: 2 }) },
                  { max: LIMITS.loginMax, message: t('validation.maxLength', { count: LIMITS.loginMax }) },
                  { pattern: LOGIN_PATTERN, message: t('validation.loginFormat') },
                ]
          }
        >
          <Input disabled={isEdit} autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="user-form-login" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: LIMITS.displayNameMax, message: t('validation.maxLength', { count: LIMITS.displayNameMax }) },
          ]}
        >
          <Input maxLength={LIMITS.displayNameMax} data-testid="user-form-displayName" />
        </Form.Item>
        {!isEdit && (
          <Form.Item
            name="password"
            label={t('admin.users.initialPassword')}
            extra={t('admin.users.initialPasswordHint', { count: LIMITS.passwordMin })}
            rules={passwordRules(t)}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label={t('admin.users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.rolesRequired') }]}
        >
          <Checkbox.Group
            data-testid="user-form-roles"
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', rowGap: 8 }}
          >
            {ROLES.map((role) => (
              <Checkbox key={role} value={role} data-testid={`user-form-role-${role}`}>
                {t(`roles.${role}`)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="teamIds" label={t('admin.users.teams')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('admin.users.teamsPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            data-testid="user-form-teamIds"
          />
        </Form.Item>
        <Form.Item name="hireDate" label={t('admin.users.hireDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs().add(1, 'year'))} data-testid="user-form-hireDate" />
        </Form.Item>
        {isEdit && (
          <Form.Item name="isActive" label={t('admin.users.isActive')} extra={t('admin.users.isActiveHint')} valuePropName="checked">
            <Switch data-testid="user-form-isActive" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
