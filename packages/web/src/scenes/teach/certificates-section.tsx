import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { useIssueCertificate, useIssuedCertificates, useLearningOverview, useRevokeCertificate, type TIssuedCertificate } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { teachAccess } from './access';
import { useTeachLabels } from './labels';

/**
 * 证书 (trainers, deputies, leaders): every certificate issued, who holds it, its code for
 * verification and whether it still stands (with the reason when revoked); trainers revoke one with a reason.
 */
export function CertificatesSection() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const access = teachAccess(session.roles);
  const certificatesQuery = useIssuedCertificates();
  const revoke = useRevokeCertificate();
  const [search, setSearch] = useState('');
  const [revoking, setRevoking] = useState<TIssuedCertificate | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [isIssueOpen, setIssueOpen] = useState(false);
  const [issueForm] = Form.useForm<{ courseId?: string; userId?: string }>();
  const issue = useIssueCertificate();
  // Who completed which course: the people a course certificate can go to.
  const overviewQuery = useLearningOverview(access.canAuthor && isIssueOpen);
  const issueCourseId = Form.useWatch('courseId', issueForm);
  const completedCourses = useMemo(() => {
    const byId = new Map<string, string>();
    for (const row of overviewQuery.data ?? []) if (row.completedAt !== null) byId.set(row.courseId, labels.text(row.courseTitle));
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [overviewQuery.data, labels]);
  const completers = useMemo(
    () =>
      (overviewQuery.data ?? [])
        .filter((row) => row.courseId === issueCourseId && row.completedAt !== null)
        .map((row) => ({ value: row.user.id, label: row.teamNames.length > 0 ? `${row.user.displayName}（${row.teamNames.join('、')}）` : row.user.displayName })),
    [overviewQuery.data, issueCourseId],
  );

  const submitIssue = (values: { courseId?: string; userId?: string }) => {
    if (!values.courseId || !values.userId) return;
    issue.mutate(
      { courseId: values.courseId, userId: values.userId },
      {
        onSuccess: (certificate) => {
          void message.success(t('teach.certificates.issued', { code: certificate.code }));
          setIssueOpen(false);
        },
        onError: (err) => {
          const appError = AppError.parseError(err);
          void message.error(appError.code === 'CONFLICT' ? `${errorMessage(appError)}（${appError.message}）` : errorMessage(appError));
        },
      },
    );
  };

  const certificates = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (certificatesQuery.data ?? []).filter(
      (item) => needle === '' || item.user.displayName.toLocaleLowerCase().includes(needle) || item.code.toLocaleLowerCase().includes(needle) || labels.text(item.title).toLocaleLowerCase().includes(needle),
    );
  }, [certificatesQuery.data, search, labels]);

  const submitRevoke = ({ reason }: { reason: string }) => {
    if (!revoking) return;
    revoke.mutate(
      { id: revoking.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('teach.certificates.revoked'));
          setRevoking(null);
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };

  const columns: TableProps<TIssuedCertificate>['columns'] = [
    { key: 'person', title: t('teach.certificates.colPerson'), render: (_, item) => <Typography.Text strong>{item.user.displayName}</Typography.Text> },
    { key: 'title', title: t('teach.certificates.colTitle'), render: (_, item) => labels.text(item.title) },
    { key: 'code', title: t('teach.certificates.colCode'), render: (_, item) => <Typography.Text code copyable>{item.code}</Typography.Text> },
    { key: 'score', title: t('teach.certificates.colScore'), align: 'right', render: (_, item) => item.score ?? t('common.none') },
    { key: 'date', title: t('teach.certificates.colDate'), sorter: (a, b) => a.issuedAt.localeCompare(b.issuedAt), defaultSortOrder: 'descend', render: (_, item) => dayjs(item.issuedAt).format('YYYY-MM-DD') },
    {
      key: 'status',
      title: t('teach.certificates.colStatus'),
      render: (_, item) =>
        item.revokedAt ? (
          <Flex vertical gap={2} align="flex-start">
            <Tag color="red">{t('teach.certificates.statusRevoked', { date: dayjs(item.revokedAt).format('YYYY-MM-DD') })}</Tag>
            {item.revokeReason && (
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 280, whiteSpace: 'normal' }} data-testid={`teach-certificate-reason-${item.id}`}>
                {t('teach.certificates.reasonLine', { reason: item.revokeReason })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Tag color="success">{t('teach.certificates.statusValid')}</Tag>
        ),
    },
    ...(access.canAuthor
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, item: TIssuedCertificate) =>
              item.revokedAt ? null : (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    form.resetFields();
                    setRevoking(item);
                  }}
                  data-testid={`teach-certificate-revoke-${item.id}`}
                >
                  {t('teach.certificates.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      variant="borderless"
      title={t('teach.certificates.title', { count: certificatesQuery.data?.length ?? 0 })}
      data-testid="teach-certificates"
      extra={
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('teach.certificates.search')} aria-label={t('teach.certificates.search')} onChange={(event) => setSearch(event.target.value)} style={{ width: 240 }} />
          {access.canAuthor && (
            <Button
              icon={<SafetyCertificateOutlined />}
              onClick={() => {
                issueForm.resetFields();
                setIssueOpen(true);
              }}
              data-testid="teach-certificate-issue"
            >
              {t('teach.certificates.issue')}
            </Button>
          )}
        </Flex>
      }
    >
      {certificatesQuery.isError && <Alert type="error" showIcon title={errorMessage(certificatesQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TIssuedCertificate>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={certificates}
        loading={certificatesQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: (certificatesQuery.data?.length ?? 0) === 0 ? t('teach.certificates.empty') : t('teach.certificates.noMatch') }}
        onRow={(item) => ({ 'data-testid': `teach-certificate-row-${item.id}` }) as HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={revoking !== null}
        title={t('teach.certificates.revokeTitle', { name: revoking?.user.displayName ?? '', code: revoking?.code ?? '' })}
        okText={t('teach.certificates.revoke')}
        okButtonProps={{ danger: true, loading: revoke.isPending, 'data-testid': 'teach-certificate-revoke-confirm' } as never}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setRevoking(null)}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('teach.certificates.revokeBody')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submitRevoke}>
          <Form.Item name="reason" label={t('teach.certificates.reason')} rules={[{ required: true, whitespace: true, message: t('teach.certificates.reasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount data-testid="teach-certificate-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isIssueOpen}
        title={t('teach.certificates.issueTitle')}
        okText={t('teach.certificates.issueSubmit')}
        okButtonProps={{ loading: issue.isPending, 'data-testid': 'teach-certificate-issue-confirm' } as never}
        cancelText={t('common.cancel')}
        onOk={() => issueForm.submit()}
        onCancel={() => setIssueOpen(false)}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('teach.certificates.issueBody')}</Typography.Paragraph>
        <Form form={issueForm} layout="vertical" onFinish={submitIssue}>
          <Form.Item name="courseId" label={t('teach.certificates.issueCourse')} rules={[{ required: true, message: t('teach.assign.courseRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={overviewQuery.isFetching}
              options={completedCourses}
              notFoundContent={t('teach.certificates.issueNoCourses')}
              onChange={() => issueForm.setFieldValue('userId', undefined)}
              data-testid="teach-certificate-issue-course"
            />
          </Form.Item>
          <Form.Item name="userId" label={t('teach.certificates.issuePerson')} extra={t('teach.certificates.issuePersonHint')} rules={[{ required: true, message: t('teach.certificates.issuePersonRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={completers} disabled={!issueCourseId} data-testid="teach-certificate-issue-person" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
