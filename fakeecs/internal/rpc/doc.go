// Package rpc converts the flat parameters of an ECS RPC request to and
// from Go structs.
//
// Both SDKs send a request as flat name=value pairs in the URL query (and,
// for some operations, a form body). A list becomes numbered members,
// Name.1, Name.2, ...; an object becomes Name.Field; the two nest, as in
// Tag.1.Key or TagFilter.1.TagValues.2. [Decode] rebuilds a struct from
// such pairs and [Encode] flattens a struct back into them, so a typed Go
// client and an HTTP request reach the fake through the same [Params].
//
// # Struct mapping
//
// Each exported field maps to the parameter named by its rpc tag, or by
// the field name when there is no tag; the tag "-" skips the field. The
// supported field types are string, *int32, *int64, *bool, []string, []T
// and *T, where T is a struct whose fields follow the same rules. Named
// types with those underlying kinds work too. Any other type, a name with
// a dot in it, two fields with one name, or a struct that contains itself
// is a programming error, and Decode and Encode panic on it.
//
// # What is modelled
//
//   - Integers are decimal with an optional leading '-'; a value that
//     overflows the field's type is an error.
//   - Booleans are "true" or "false" in any letter case.
//   - List indices start at 1, are ordered numerically and may have gaps;
//     Name.1 and Name.5 give a list of two. An index with a sign, a
//     leading zero or a non-digit is an error.
//   - An empty value is a value: Tag.2.Value= gives a member whose Value
//     is "".
//   - Names that match no field are ignored, as the service ignores the
//     signature and protocol parameters it does not read.
//
// # What is not
//
//   - Names are matched exactly; the codec does not fold letter case.
//   - A string field cannot tell an absent parameter from an empty one,
//     so Encode leaves out empty strings (the old SDK does the same).
//     The exception keeps a list member or object that holds nothing but
//     empty strings from vanishing: see [Encode].
//   - An empty, non-nil slice sends nothing and so decodes as nil.
//   - Repeated parameters keep only their first value ([FromValues]).
package rpc
