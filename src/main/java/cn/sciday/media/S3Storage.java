package cn.sciday.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * File contents in an S3-compatible object store (AWS S3, Aliyun OSS, MinIO, …), shared by every instance. Objects
 * are named {@code <prefix><key>}. Uploads stream: a content up to one part (8 MiB) goes in one request, a larger one
 * as a multipart upload of 8 MiB parts, so at most one part is held in memory. Reads open lazily, so that skipping
 * to a byte range (video seeking) before the first read asks the store for that range only.
 */
class S3Storage implements FileStorage {

    private static final Logger log = LoggerFactory.getLogger(S3Storage.class);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,127}");
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3Storage(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    /** Checks that the bucket is there; creates it when asked to. Logs, and does not fail, when the store is down. */
    void checkBucket(boolean create) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!create) {
                throw new IllegalStateException("The S3 bucket " + bucket + " does not exist (create it, or set "
                        + "sciday.media.s3.create-bucket=true)");
            }
            s3.createBucket(b -> b.bucket(bucket));
            log.info("Created the S3 bucket {}", bucket);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && create) {
                s3.createBucket(b -> b.bucket(bucket));
                log.info("Created the S3 bucket {}", bucket);
            } else if (e.statusCode() == 404) {
                throw new IllegalStateException("The S3 bucket " + bucket + " does not exist", e);
            } else {
                log.error("Cannot check the S3 bucket {}: {}", bucket, e.toString());
            }
        } catch (SdkException e) {
            log.error("Cannot reach the S3 store for bucket {}: {}", bucket, e.toString());
        }
    }

    @Override
    public long put(String key, InputStream content) throws IOException {
        String name = name(key);
        if (exists(key)) {
            throw new FileAlreadyExistsException(name);
        }
        byte[] buffer = new byte[PART_SIZE];
        int first = content.readNBytes(buffer, 0, PART_SIZE);
        try {
            if (first < PART_SIZE) {
                s3.putObject(p -> p.bucket(bucket).key(name).contentLength((long) first)
                        .contentType("application/octet-stream"),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, first), first));
                return first;
            }
            return multipart(name, content, buffer, first);
        } catch (SdkException e) {
            throw new IOException("S3 put " + name + " failed: " + e.getMessage(), e);
        }
    }

    private long multipart(String name, InputStream content, byte[] buffer, int first) throws IOException {
        String uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(name)
                .contentType("application/octet-stream")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        long total = 0;
        boolean done = false;
        try {
            int length = first;
            int number = 1;
            while (length > 0) {
                int partNumber = number;
                int partLength = length;
                String etag = s3.uploadPart(u -> u.bucket(bucket).key(name).uploadId(uploadId)
                        .partNumber(partNumber).contentLength((long) partLength),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, partLength), partLength))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                total += partLength;
                number++;
                length = content.readNBytes(buffer, 0, PART_SIZE);
            }
            s3.completeMultipartUpload(c -> c.bucket(bucket).key(name).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            done = true;
            return total;
        } finally {
            if (!done) {
                try {
                    s3.abortMultipartUpload(a -> a.bucket(bucket).key(name).uploadId(uploadId));
                } catch (SdkException e) {
                    log.warn("Could not abort the multipart upload of {}: {}", name, e.toString());
                }
            }
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        String name = name(key);
        if (!exists(key)) {
            throw new NoSuchFileException(name);
        }
        return new LazyObjectStream(name);
    }

    @Override
    public InputStream getRange(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length);
        }
        String name = name(key);
        if (length == 0) {
            if (!exists(key)) {
                throw new NoSuchFileException(name);
            }
            return InputStream.nullInputStream();
        }
        return open(name, "bytes=" + offset + "-" + (offset + length - 1));
    }

    @Override
    public void delete(String key) throws IOException {
        String name = name(key);
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(name));
        } catch (NoSuchKeyException e) {
            // already gone
        } catch (SdkException e) {
            throw new IOException("S3 delete " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        String name = name(key);
        try {
            s3.headObject(h -> h.bucket(bucket).key(name));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 head " + name + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 head " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Opens an object, or a range of it ({@code null}: all); a range past the end is empty. */
    private InputStream open(String name, String range) throws IOException {
        try {
            GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(name).range(range).build();
            return new AbortingStream(s3.getObject(request));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(name);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream();
            }
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(name);
            }
            throw new IOException("S3 get " + name + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 get " + name + " failed: " + e.getMessage(), e);
        }
    }

    private String name(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return prefix + key;
    }

    /**
     * Opens the object at the first read; a skip before that moves the start, so the request asks only for the
     * bytes from there on.
     */
    private final class LazyObjectStream extends InputStream {

        private final String name;
        private long start;
        private InputStream current;
        private boolean closed;

        LazyObjectStream(String name) {
            this.name = name;
        }

        private InputStream current() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (current == null) {
                current = open(name, start == 0 ? null : "bytes=" + start + "-");
            }
            return current;
        }

        @Override
        public int read() throws IOException {
            return current().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return current().read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            if (current == null && !closed) {
                start += n;
                return n;
            }
            return current().skip(n);
        }

        @Override
        public void skipNBytes(long n) throws IOException {
            if (current == null && !closed && n > 0) {
                start += n;
                return;
            }
            super.skipNBytes(n);
        }

        @Override
        public int available() throws IOException {
            return current == null ? 0 : current.available();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (current != null) {
                current.close();
            }
        }
    }

    /** Closing before the end aborts the HTTP response instead of reading the rest of the object. */
    private static final class AbortingStream extends InputStream {

        private final ResponseInputStream<GetObjectResponse> in;
        private boolean ended;

        AbortingStream(ResponseInputStream<GetObjectResponse> in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                in.abort();
            }
            in.close();
        }
    }
}
