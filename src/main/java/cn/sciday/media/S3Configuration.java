package cn.sciday.media;

import java.net.URI;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code sciday.media.store=s3}: uploads in an S3-compatible object store, shared by every instance. Settings under
 * {@code sciday.media.s3}: {@code endpoint} (e.g. {@code https://oss-cn-shenzhen.aliyuncs.com}; empty for AWS),
 * {@code region}, {@code bucket}, {@code access-key}, {@code secret-key}, {@code path-style} (true for MinIO and most
 * self-hosted stores), {@code prefix} (object name prefix, default {@code media/}), {@code create-bucket}.
 * Checksums are computed only when the API requires them, which S3-compatible stores accept.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sciday.media.store", havingValue = "s3")
class S3Configuration {

    @Bean(destroyMethod = "close")
    S3Client mediaS3Client(@Value("${sciday.media.s3.endpoint:}") String endpoint,
            @Value("${sciday.media.s3.region:us-east-1}") String region,
            @Value("${sciday.media.s3.access-key}") String accessKey,
            @Value("${sciday.media.s3.secret-key}") String secretKey,
            @Value("${sciday.media.s3.path-style:true}") boolean pathStyle,
            @Value("${sciday.media.s3.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${sciday.media.s3.socket-timeout:PT30S}") Duration socketTimeout) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connectTimeout)
                        .socketTimeout(socketTimeout)
                        .build());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Bean
    FileStorage fileStorage(S3Client mediaS3Client, @Value("${sciday.media.s3.bucket}") String bucket,
            @Value("${sciday.media.s3.prefix:media/}") String prefix,
            @Value("${sciday.media.s3.create-bucket:false}") boolean createBucket) {
        S3Storage storage = new S3Storage(mediaS3Client, bucket, prefix);
        storage.checkBucket(createBucket);
        return storage;
    }
}
