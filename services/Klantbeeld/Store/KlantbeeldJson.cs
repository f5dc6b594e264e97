using System.Text.Json;
using System.Text.Json.Serialization;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(KlantbeeldDocument))]
[JsonSerializable(typeof(WorkItem))]
internal sealed partial class KlantbeeldJson : JsonSerializerContext;
