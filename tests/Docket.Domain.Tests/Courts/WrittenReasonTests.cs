using Docket.Domain.Courts;

namespace Docket.Domain.Tests.Courts;

public sealed class WrittenReasonTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n")]
    [InlineData("\u0000\u0007")]
    [InlineData("\u200b\u0000")]
    [InlineData("\u2060\ufeff\u3000")]
    public void A_reason_of_nothing_visible_is_not_written(string? reason)
    {
        Assert.False(WrittenReason.Is(reason));
        Assert.Null(WrittenReason.OrNone(reason));
    }

    [Theory]
    [InlineData("a")]
    [InlineData(" conflict of interest ")]
    [InlineData("回避")]
    [InlineData("\u200bx")]
    [InlineData("😀")]
    public void A_reason_with_a_visible_character_is_written_as_given(string reason)
    {
        Assert.True(WrittenReason.Is(reason));
        Assert.Equal(reason, WrittenReason.OrNone(reason));
    }
}
