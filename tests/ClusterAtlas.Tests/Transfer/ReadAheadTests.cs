using ClusterAtlas.Transfer;
using Xunit;

namespace ClusterAtlas.Tests.Transfer;

/// <summary>The import's read-ahead: every item in order, the source's failure after the items before it, and an early stop that ends the source.</summary>
public sealed class ReadAheadTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(100_000)]
    public void Of_YieldsEveryItemInOrder(int count)
    {
        Assert.Equal(Enumerable.Range(0, count), ReadAhead.Of(Enumerable.Range(0, count), CancellationToken.None));
    }

    [Fact]
    public void Of_ASourceThatFails_ThrowsAfterTheItemsBeforeIt()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 2_000; i++)
            {
                yield return i;
            }
            throw new InvalidDataException("line 2001: broken");
        }
        var seen = new List<int>();

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("line 2001: broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 2_000), seen);
    }

    [Fact]
    public void Of_AConsumerThatStops_EndsTheSourceBeforeGoingOn()
    {
        var closed = false;
        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                closed = true;
            }
        }

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var item in ReadAhead.Of(Endless(), CancellationToken.None))
            {
                if (item == 10_000)
                {
                    throw new InvalidOperationException("the database refused a row");
                }
            }
        });

        Assert.True(closed);
    }

    [Fact]
    public void Of_Cancelled_Stops()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in ReadAhead.Of(Enumerable.Range(0, int.MaxValue), cancel.Token))
            {
                if (++read == 5_000)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.InRange(read, 5_000, 5_000 + 9 * 512);
    }
}
