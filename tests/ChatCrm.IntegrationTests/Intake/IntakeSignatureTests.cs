using System.Text;
using ChatCrm.Intake;

namespace ChatCrm.IntegrationTests.Intake;

public sealed class IntakeSignatureTests
{
    private const string Secret = "dev-only-webform-secret-not-for-production";
    private const string Timestamp = "1763431200";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"name\":\"陈静\",\"phone\":\"13912345678\"}");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1763431200);

    // printf '%s' '1763431200.{"name":"陈静","phone":"13912345678"}' | openssl dgst -sha256 -hmac 'dev-only-webform-secret-not-for-production'
    private const string OpenSslSignature = "sha256=b8b7fac3e2f600b41fbc3a951bb71928c93be3d9a99b06eaa01c79b40ed62a9e";

    [Fact]
    public void The_signature_is_what_openssl_computes_over_the_timestamp_a_dot_and_the_raw_body() =>
        Assert.Equal(OpenSslSignature, IntakeSignature.Sign(Secret, Timestamp, Body));

    [Fact]
    public void A_signed_request_on_time_passes() =>
        Assert.Null(IntakeSignature.Refusal(Secret, Timestamp, OpenSslSignature, Body, SentAt.AddMinutes(4), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Upper_case_hex_is_the_same_signature() =>
        Assert.Null(IntakeSignature.Refusal(Secret, Timestamp, "sha256=" + OpenSslSignature[7..].ToUpperInvariant(), Body, SentAt, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData(null, OpenSslSignature, "X-ChatCrm-Timestamp is missing or not Unix seconds")]
    [InlineData("-5", OpenSslSignature, "X-ChatCrm-Timestamp is missing or not Unix seconds")]
    [InlineData(Timestamp, null, "X-ChatCrm-Signature is missing or does not start with sha256=")]
    [InlineData(Timestamp, "b8b7fac3e2f600b41fbc3a951bb71928c93be3d9a99b06eaa01c79b40ed62a9e", "X-ChatCrm-Signature is missing or does not start with sha256=")]
    [InlineData(Timestamp, "sha256=b8b7fac3", "the signature does not match")]
    [InlineData(Timestamp, "sha256=zz", "the signature does not match")]
    [InlineData("1763431201", OpenSslSignature, "the signature does not match")]
    public void Anything_else_is_refused_with_the_reason(string? timestamp, string? signature, string reason) =>
        Assert.Equal(reason, IntakeSignature.Refusal(Secret, timestamp, signature, Body, SentAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void A_signed_request_too_old_is_refused_as_late() =>
        Assert.Equal("the timestamp is more than 5 minutes from our clock", IntakeSignature.Refusal(Secret, Timestamp, OpenSslSignature, Body, SentAt.AddMinutes(5).AddSeconds(1), TimeSpan.FromMinutes(5)));
}
