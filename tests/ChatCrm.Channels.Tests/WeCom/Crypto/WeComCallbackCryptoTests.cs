using System.Text;
using System.Text.Json;
using ChatCrm.Channels.Tests.WeCom.Fixtures;
using ChatCrm.Channels.WeCom.Crypto;

namespace ChatCrm.Channels.Tests.WeCom.Crypto;

public sealed class WeComCallbackCryptoTests
{
    public static TheoryData<int> VectorIndexes => new(Enumerable.Range(0, WeComVectors.Callbacks.Count()));

    private static JsonElement Vector(int index) => WeComVectors.Callbacks.ElementAt(index);

    private static string Text(JsonElement vector, string name) => vector.GetProperty(name).GetString()!;

    private static WeComCallbackCrypto CryptoFor(JsonElement vector) => new(Text(vector, "token"), Text(vector, "encodingAesKey"));

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void The_official_signature_verifies(int index)
    {
        var vector = Vector(index);

        Assert.Equal(Text(vector, "msgSignature"), WeComCallbackCrypto.Signature(Text(vector, "token"), Text(vector, "timestamp"), Text(vector, "nonce"), Text(vector, "encrypt")));
        Assert.True(CryptoFor(vector).IsSigned(Text(vector, "msgSignature"), Text(vector, "timestamp"), Text(vector, "nonce"), Text(vector, "encrypt")));
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void The_official_vector_decrypts_to_its_plaintext_and_receive_id(int index)
    {
        var vector = Vector(index);

        var decrypted = CryptoFor(vector).Decrypt(Text(vector, "encrypt"));

        Assert.True(decrypted.Succeeded, decrypted.Problem);
        Assert.Equal((Text(vector, "plaintext"), Text(vector, "receiveId")), (decrypted.Message, decrypted.ReceiveId));
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public void With_its_random_prefix_the_plaintext_encrypts_to_the_vector_byte_for_byte(int index)
    {
        var vector = Vector(index);

        var encrypted = CryptoFor(vector).Encrypt(Text(vector, "plaintext"), Text(vector, "receiveId"), Encoding.ASCII.GetBytes(Text(vector, "random")));

        Assert.Equal(Text(vector, "encrypt"), encrypted);
    }

    [Fact]
    public void A_message_round_trips_with_fresh_random_bytes_and_padding_of_every_length()
    {
        var vector = Vector(0);
        var crypto = CryptoFor(vector);
        for (var length = 0; length < 70; length++)
        {
            var message = new string('客', length);

            var decrypted = crypto.Decrypt(crypto.Encrypt(message, "ww1436e0e65a779aee"));

            Assert.Equal((message, "ww1436e0e65a779aee"), (decrypted.Message, decrypted.ReceiveId));
        }
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Garbage_is_refused_with_a_reason(string encrypted)
    {
        var decrypted = CryptoFor(Vector(0)).Decrypt(encrypted);

        Assert.False(decrypted.Succeeded);
        Assert.NotNull(decrypted.Problem);
    }

    [Fact]
    public void Another_key_does_not_decrypt_the_vector()
    {
        var other = new WeComCallbackCrypto("QDG6eK", Text(Vector(2), "encodingAesKey"));

        Assert.False(other.Decrypt(Text(Vector(0), "encrypt")).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4")]
    public void A_missing_or_wrong_signature_does_not_verify(string? signature)
    {
        var vector = Vector(0);

        Assert.False(CryptoFor(vector).IsSigned(signature, Text(vector, "timestamp"), Text(vector, "nonce"), Text(vector, "encrypt")));
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused_at_once()
    {
        Assert.Throws<ArgumentException>(() => new WeComCallbackCrypto("t", "tooShort"));
    }
}
