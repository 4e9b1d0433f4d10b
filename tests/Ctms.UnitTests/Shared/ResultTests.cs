using Ctms.Shared.Results;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class ResultTests
{
    [Fact]
    public void Failure_needs_at_least_one_error()
    {
        Assert.Throws<ArgumentException>(() => Result.Failure());
        Assert.Throws<ArgumentException>(() => Result.Failure<int>());
        Assert.Throws<ArgumentException>(() => Result<int>.FromErrors([]));
    }

    [Fact]
    public void Success_has_no_errors_and_carries_the_value()
    {
        Result<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.False(result.IsFailure);
        Assert.Empty(result.Errors);
        Assert.Equal(42, result.Value);
        Assert.True(Result.Success().IsSuccess);
    }

    [Fact]
    public void An_error_converts_to_a_failed_result()
    {
        Result<string> result = Error.NotFound("The site");

        Assert.True(result.IsFailure);
        var error = Assert.Single(result.Errors);
        Assert.Equal("not-found", error.Code);
        Assert.Equal("The site was not found.", error.Message);
    }

    [Fact]
    public void Value_of_a_failure_throws_with_the_messages()
    {
        var result = Result.Failure<int>(Error.Rule("a", "First problem."), Error.Conflict("Second problem."));

        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);

        Assert.Contains("First problem.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Second problem.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_joins_every_message_in_order()
    {
        var result = Result.Failure(Error.Validation("SiteId", "Choose a site."), Error.Forbidden("Not your site."));

        Assert.Equal("Choose a site. Not your site.", result.Describe());
        Assert.Equal("", Result.Success().Describe());
    }

    [Fact]
    public void Validation_error_names_its_field()
    {
        var error = Error.Validation("SiteId", "Choose a site.");

        Assert.Equal(new Error("validation", "Choose a site.", "SiteId"), error);
    }
}
