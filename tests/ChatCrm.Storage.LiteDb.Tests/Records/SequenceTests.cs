using ChatCrm.Storage.LiteDb.Tests.Support;

namespace ChatCrm.Storage.LiteDb.Tests.Records;

public sealed class SequenceTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly LiteDbCrmStore _store;

    public SequenceTests() => _store = _folder.Open();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_sequence_counts_from_one_and_each_name_counts_on_its_own()
    {
        var drawn = await _store.WriteAsync(
            session => new[]
            {
                session.NextInSequence("lead:20261118"),
                session.NextInSequence("lead:20261118"),
                session.NextInSequence("lead:20261119"),
            },
            CancellationToken.None);

        Assert.Equal([1L, 2L, 1L], drawn);
    }

    [Fact]
    public async Task Concurrent_units_draw_every_number_once_without_gaps()
    {
        var draws = Enumerable.Range(0, 100)
            .Select(_ => _store.WriteAsync(session => session.NextInSequence("lead:20261118"), CancellationToken.None));

        var numbers = await Task.WhenAll(draws);

        Assert.Equal(Enumerable.Range(1, 100).Select(number => (long)number), numbers.Order());
    }

    [Fact]
    public async Task A_number_drawn_by_a_failed_unit_is_drawn_again()
    {
        await _store.WriteAsync(session => session.NextInSequence("s"), CancellationToken.None);
        var failing = _store.WriteAsync<long>(
            session =>
            {
                session.NextInSequence("s");
                throw new InvalidOperationException("the use case failed");
            },
            CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Equal(2, await _store.WriteAsync(session => session.NextInSequence("s"), CancellationToken.None));
    }
}
