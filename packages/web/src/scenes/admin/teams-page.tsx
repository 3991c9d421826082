import { PlusOutlined } from '@ant-design/icons';
import { LIMITS, type TTeam } from '@calmdesk/shared';
import { App, Button, Form, Input, Modal, Space, Table, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCreateTeam, useDeleteTeam, useTeams, useUpdateTeam } from '../../api/admin';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';

interface TTeamForm {
  name: string;
  description: string;
}

/** Teams of the organisation at /admin/teams (admin only): list with member counts, create, edit, delete. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const teamsQuery = useTeams();
  const deleteTeam = useDeleteTeam();
  const [editing, setEditing] = useState<TTeam | 'new' | null>(null);

  const confirmDelete = (team: TTeam) => {
    void modal.confirm({
      title: t('admin.teams.deleteConfirmTitle', { name: team.name }),
      content: t('admin.teams.deleteConfirmBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-team' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        deleteTeam.mutateAsync(team.id).then(
          () => void message.success(t('admin.teams.deleted', { name: team.name })),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });
  };

  const columns: TableProps<TTeam>['columns'] = [
    { key: 'name', title: t('admin.teams.colName'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      key: 'description',
      title: t('admin.teams.colDescription'),
      dataIndex: 'description',
      responsive: ['md'],
      render: (value: string) => value || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'memberCount',
      title: t('admin.teams.colMembers'),
      dataIndex: 'memberCount',
      align: 'right',
      render: (count: number, team) => (
        <Link to={`/admin/users?teamId=${encodeURIComponent(team.id)}`} title={t('admin.teams.viewMembers')}>
          {count}
        </Link>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, team) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(team)} data-testid={`edit-team-${team.id}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => confirmDelete(team)} data-testid={`delete-team-${team.id}`}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.teams.title')}
        subtitle={t('admin.teams.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-team">
            {t('admin.teams.create')}
          </Button>
        }
      />
      <Table<TTeam>
        rowKey="id"
        columns={columns}
        dataSource={teamsQuery.data ?? []}
        loading={teamsQuery.isFetching}
        pagination={false}
        locale={{ emptyText: teamsQuery.isError ? errorMessage(teamsQuery.error) : t('admin.teams.empty') }}
        data-testid="teams-table"
      />
      <TeamModal team={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** Create (`'new'`) or edit a team; closed when `team` is null. */
function TeamModal({ team, onClose }: { team: TTeam | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TTeamForm>();
  const createTeam = useCreateTeam();
  const updateTeam = useUpdateTeam();
  const onError = useFormErrorHandler(form);
  const isSaving = createTeam.isPending || updateTeam.isPending;

  useEffect(() => {
    if (team === null) return;
    form.resetFields();
    form.setFieldsValue(team === 'new' ? { name: '', description: '' } : { name: team.name, description: team.description });
  }, [team, form]);

  const nameTaken = { CONFLICT: { field: 'name', message: t('admin.teams.nameTaken') } } as const;
  const onFinish = (values: TTeamForm) => {
    const body = { name: values.name.trim(), description: (values.description ?? '').trim() };
    if (team === 'new') {
      createTeam.mutate(body, {
        onSuccess: (saved) => {
          void message.success(t('admin.teams.created', { name: saved.name }));
          onClose();
        },
        onError: (err) => onError(err, nameTaken),
      });
    } else if (team) {
      updateTeam.mutate(
        { id: team.id, body },
        {
          onSuccess: (saved) => {
            void message.success(t('admin.teams.updated', { name: saved.name }));
            onClose();
          },
          onError: (err) => onError(err, nameTaken),
        },
      );
    }
  };

  return (
    <Modal
      open={team !== null}
      title={team === 'new' ? t('admin.teams.createTitle') : t('admin.teams.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      okButtonProps={{ 'data-testid': 'team-form-submit' } as never}
      destroyOnHidden
      forceRender
    >
      <Form<TTeamForm> form={form} layout="vertical" onFinish={onFinish} disabled={isSaving}>
        <Form.Item
          name="name"
          label={t('admin.teams.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: LIMITS.teamNameMax, message: t('validation.maxLength', { count: LIMITS.teamNameMax }) },
          ]}
        >
          <Input maxLength={LIMITS.teamNameMax} data-testid="team-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('admin.teams.description')}
          rules={[{ max: 500, message: t('validation.maxLength', { count: 500 }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('admin.teams.descriptionPlaceholder')} data-testid="team-form-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
