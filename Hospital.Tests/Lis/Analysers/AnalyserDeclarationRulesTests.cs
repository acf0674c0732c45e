using Hospital.Lis.Analysers;
using Hospital.Web.Features.Analysers;
using Microsoft.Extensions.Configuration;

namespace Hospital.Tests.Lis.Analysers;

/// <summary>Code maps and analyser declarations as people write them, read with a Vietnamese reason for every mistake.</summary>
public sealed class AnalyserDeclarationRulesTests
{
    [Theory]
    [InlineData("WBC=HH-WBC;HGB=HH-HGB", "WBC=HH-WBC;HGB=HH-HGB", "")]
    [InlineData(" WBC = HH-WBC ;\n\nHGB=HH-HGB;", "WBC=HH-WBC;HGB=HH-HGB", "")]
    [InlineData("", "", "")]
    [InlineData("WBC", "", "thiếu dấu")]
    [InlineData("=HH-WBC;HGB=HH-HGB", "HGB=HH-HGB", "thiếu mã của máy")]
    [InlineData("WBC=", "", "thiếu mã xét nghiệm")]
    [InlineData("WBC=HH=WBC", "", "nhiều hơn một dấu")]
    [InlineData("WBC=HH-WBC;WBC=HH-HGB", "WBC=HH-WBC", "hai lần")]
    public void Code_maps_keep_the_good_entries_and_name_each_bad_one(string text, string entries, string error)
    {
        var reading = AnalyserCodeMap.Read(text);

        Assert.Equal(entries, AnalyserCodeMap.Write(reading.Entries));
        if (error.Length == 0) Assert.Empty(reading.Errors);
        else Assert.Contains(error, Assert.Single(reading.Errors));
    }

    [Theory]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial;Device=/dev/ttyUSB0", "")]
    [InlineData("Name=XN1;Protocol=hl7;Transport=tcp-server;Port=5100", "")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-client;Host=10.0.0.5;Port=4001;NakedAstm=true;Direction=bi;Broadcast=true", "")]
    [InlineData("Name=;Protocol=astm;Transport=serial;Device=/dev/ttyS0", "Chưa nhập tên máy")]
    [InlineData("Name=XN 1;Protocol=astm;Transport=serial;Device=/dev/ttyS0", "chỉ được gồm")]
    [InlineData("Name=XN1;Protocol=astm2;Transport=serial;Device=/dev/ttyS0", "astm hoặc hl7")]
    [InlineData("Name=XN1;Protocol=astm;Transport=usb", "serial, tcp-client hoặc tcp-server")]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial", "Device")]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial;Device=/dev/ttyS0;Baud=9601", "baud 9601")]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial;Device=/dev/ttyS0;Parity=mark", "Parity")]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial;Device=/dev/ttyS0;DataBits=6", "bit dữ liệu")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-client;Port=4001", "Host")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-server;Port=70000", "65535")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-server;Port=abc", "không phải số nguyên")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-server;Port=5100;Broadcast=true", "hai chiều")]
    [InlineData("Name=XN1;Protocol=astm;Transport=tcp-server;Port=5100;Broadcast=maybe", "true hoặc false")]
    [InlineData("Name=XN1;Protocol=hl7;Transport=tcp-server;Port=5100;NakedAstm=true", "NakedAstm")]
    [InlineData("Name=XN1;Protocol=astm;Transport=serial;Device=/dev/ttyS0;NakedAstm=true", "NakedAstm")]
    public void A_configuration_entry_is_started_or_refused_with_the_reason(string settings, string error)
    {
        var data = settings.Split(';').Select(kv => kv.Split('=', 2)).ToDictionary(kv => $"Lis:Analysers:0:{kv[0]}", kv => (string?)kv[1]);
        var config = new ConfigurationBuilder().AddInMemoryCollection(data).Build();

        var entry = Assert.Single(ConfiguredAnalysers.Read(config));

        if (error.Length == 0)
        {
            Assert.Empty(entry.Errors);
            Assert.True(entry.Definition!.FromConfiguration);
        }
        else
        {
            Assert.Null(entry.Definition);
            Assert.Contains(entry.Errors, e => e.Contains(error));
        }
    }

    [Fact]
    public void The_same_name_twice_keeps_the_first_and_refuses_the_second()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lis:Analysers:0:Name"] = "XN1", ["Lis:Analysers:0:Protocol"] = "astm", ["Lis:Analysers:0:Transport"] = "tcp-server", ["Lis:Analysers:0:Port"] = "5100",
            ["Lis:Analysers:1:Name"] = "xn1", ["Lis:Analysers:1:Protocol"] = "hl7", ["Lis:Analysers:1:Transport"] = "tcp-server", ["Lis:Analysers:1:Port"] = "5101",
        }).Build();

        var entries = ConfiguredAnalysers.Read(config);

        Assert.NotNull(entries[0].Definition);
        Assert.Null(entries[1].Definition);
        Assert.Contains("Lis:Analysers:0", Assert.Single(entries[1].Errors));
    }
}
