using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace MotCua.Kernel.Files;

/// <summary>The S3 settings of the file store (<c>Storage:S3</c>), used when <c>Storage:Kind</c> is <c>S3</c>.</summary>
public sealed class S3StoreOptions
{
    /// <summary>The endpoint of an S3-compatible service (MinIO, Ceph, a cloud's object storage); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string Bucket { get; set; } = "motcua";

    /// <summary>A folder inside the bucket, so that several installations can share one ("tinh-a/").</summary>
    public string Prefix { get; set; } = "";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Addresses objects as {endpoint}/{bucket}/{key}, as most S3-compatible servers expect.</summary>
    public bool ForcePathStyle { get; set; } = true;
}

/// <summary>
/// Files in an S3-compatible bucket, addressed like the local store by the SHA-256 of their content (ab/cd/{sha256}):
/// every node of an installation sees the same files. An object already there is not sent again.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly S3StoreOptions options;

    public S3FileStore(IOptions<FileStoreOptions> store)
    {
        options = store.Value.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,

            // Checksums only where the API requires them: S3-compatible servers differ in the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await ExistsAsync(ObjectKey(key), cancellationToken))
        {
            return key;
        }

        using var body = new MemoryStream(content, writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = ObjectKey(key),
            InputStream = body,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
            UseChunkEncoding = false,
            Headers = { ContentLength = content.Length },
        }, cancellationToken);
        return key;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit))
        {
            return null;
        }

        try
        {
            // The caller disposes the stream, which ends the response.
            var response = await client.GetObjectAsync(options.Bucket, ObjectKey(key), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<bool> ExistsAsync(string objectKey, CancellationToken ct)
    {
        try
        {
            await client.GetObjectMetadataAsync(options.Bucket, objectKey, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private string ObjectKey(string key) => $"{options.Prefix}{key[..2]}/{key[2..4]}/{key}";
}
