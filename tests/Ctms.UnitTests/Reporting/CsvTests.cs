using Ctms.Shared.Web;

namespace Ctms.UnitTests.Reporting;

[Trait("Category", "Reporting")]
public sealed class CsvTests
{
    [Fact]
    public void Quotes_separators_and_neutralises_formulas_but_not_negative_numbers()
    {
        var csv = Csv.Build(["a", "b", "c", "d"],
        [
            ["x,y", "say \"hi\"", "=HYPERLINK(\"http://evil\")", -3],
            [new DateOnly(2026, 11, 28), new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(9)), null, 1.5],
        ]);

        Assert.Equal(
            "a,b,c,d\r\n" +
            "\"x,y\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"http://evil\"\")\",-3\r\n" +
            "2026-11-28,2026-11-28T00:30:00Z,,1.5\r\n", csv);
    }
}
