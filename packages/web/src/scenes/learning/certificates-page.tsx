import { DownloadOutlined, LinkOutlined, SafetyCertificateFilled } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { certificatePdfUrl, useCertificates, type TCertificate } from '../../api/learning';
import { verificationUrl } from './certificate';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { SectionError } from './parts';

function CertificateCard({ certificate }: { certificate: TCertificate }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const { message } = App.useApp();
  const isRevoked = certificate.revokedAt !== null;
  const url = verificationUrl(window.location.origin, certificate.code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('learn.certificates.linkCopied'));
    } catch {
      void message.error(t('learn.certificates.copyFailed', { url }));
    }
  };
  return (
    <Card variant="borderless" className={`cd-certificate${isRevoked ? ' cd-certificate--revoked' : ''}`} data-testid={`learning-certificate-${certificate.id}`} data-code={certificate.code} data-revoked={isRevoked}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <SafetyCertificateFilled className="cd-certificate__seal" />
        {isRevoked ? (
          <Tag color="error" data-testid={`learning-certificate-status-${certificate.id}`}>
            {t('learn.certificates.revoked')}
          </Tag>
        ) : (
          <Tag color="success" data-testid={`learning-certificate-status-${certificate.id}`}>
            {t('learn.certificates.valid')}
          </Tag>
        )}
      </Flex>
      <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
        {labels.text(certificate.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{certificate.recipientName}</Typography.Text>
      <dl className="cd-learning-facts cd-learning-facts--stack">
        <div>
          <dt>{t('learn.certificates.issuedAt')}</dt>
          <dd>{labels.date(certificate.issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('learn.certificates.score')}</dt>
          <dd>{certificate.score ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('learn.certificates.code')}</dt>
          <dd>
            <Typography.Text code copyable={{ text: certificate.code }} data-testid={`learning-certificate-code-${certificate.id}`}>
              {certificate.code}
            </Typography.Text>
          </dd>
        </div>
        {isRevoked && (
          <div>
            <dt>{t('learn.certificates.revokedOn')}</dt>
            <dd className="cd-certificate__revoked">{labels.date(certificate.revokedAt!)}</dd>
          </div>
        )}
        {isRevoked && certificate.revokeReason && (
          <div>
            <dt>{t('learn.certificates.revokeReason')}</dt>
            <dd className="cd-certificate__reason" data-testid={`learning-certificate-reason-${certificate.id}`}>{certificate.revokeReason}</dd>
          </div>
        )}
      </dl>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {isRevoked ? (
          // The server refuses the PDF of a revoked certificate (409): no paper for what no longer holds.
          <Tooltip title={t('learn.certificates.noPdfRevoked')}>
            <Button icon={<DownloadOutlined />} disabled data-testid={`learning-certificate-pdf-${certificate.id}`}>
              {t('learn.certificates.download')}
            </Button>
          </Tooltip>
        ) : (
          <Button type="primary" icon={<DownloadOutlined />} href={certificatePdfUrl(certificate.id)} download data-testid={`learning-certificate-pdf-${certificate.id}`}>
            {t('learn.certificates.download')}
          </Button>
        )}
        <Button icon={<LinkOutlined />} onClick={() => void copy()} data-testid={`learning-certificate-copy-${certificate.id}`}>
          {t('learn.certificates.copyLink')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * My certificates at /learning/certificates: each with its title, date, score, code and
 * status (revoked ones marked, with the reason), the PDF, and the public verification link to copy.
 */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const certificatesQuery = useCertificates();
  return (
    <div data-testid="learning-certificates">
      <LearningHeader tab="certificates" />
      {certificatesQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : certificatesQuery.isError ? (
        <SectionError error={certificatesQuery.error} onRetry={() => void certificatesQuery.refetch()} />
      ) : certificatesQuery.data.length === 0 ? (
        <Empty description={t('learn.certificates.empty')} data-testid="learning-certificates-empty">
          <Link to="/learning/exams">
            <Button type="primary">{t('learn.certificates.toExams')}</Button>
          </Link>
        </Empty>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('learn.certificates.intro')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {certificatesQuery.data.map((certificate) => (
              <Col key={certificate.id} xs={24} md={12} xl={8}>
                <CertificateCard certificate={certificate} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
