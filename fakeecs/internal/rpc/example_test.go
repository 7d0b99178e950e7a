package rpc_test

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"

	"github.com/ecsfake/ecsfake/fakeecs/internal/rpc"
)

// A handler reads a request from the query of an HTTP call.
func ExampleDecode() {
	type tag struct{ Key, Value string }
	type request struct {
		RegionId         string
		PrivateIpAddress []string
		QueueNumber      *int32
		Tags             []tag `rpc:"Tag"`
	}
	q, _ := url.ParseQuery("RegionId=cn-hangzhou&QueueNumber=4" +
		"&PrivateIpAddress.1=10.0.0.5&PrivateIpAddress.3=10.0.0.7" +
		"&Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=team&Tag.2.Value=" +
		"&Signature=ignored")

	var req request
	if err := rpc.Decode(rpc.FromValues(q), &req); err != nil {
		panic(err)
	}
	fmt.Println(req.RegionId, *req.QueueNumber)
	fmt.Println(req.PrivateIpAddress)
	fmt.Printf("%+v\n", req.Tags)
	// Output:
	// cn-hangzhou 4
	// [10.0.0.5 10.0.0.7]
	// [{Key:env Value:prod} {Key:team Value:}]
}

// A value that cannot be read is an *Error naming the parameter.
func ExampleError() {
	var req struct{ QueueNumber *int32 }
	err := rpc.Decode(rpc.Params{"QueueNumber": "99999999999"}, &req)

	var e *rpc.Error
	if errors.As(err, &e) {
		fmt.Println(e.Param, e.Value)
		fmt.Println(e.Want)
	}
	// Output:
	// QueueNumber 99999999999
	// an integer from -2147483648 to 2147483647
}

// A typed client flattens its request the way the SDKs do.
func ExampleEncode() {
	type config struct {
		NetworkInterfaceTrafficMode string
		QueueNumber                 *int32
	}
	type request struct {
		RegionId         string
		Description      string
		SecurityGroupIds []string
		Config           *config `rpc:"NetworkInterfaceTrafficConfig"`
	}
	n := int32(8)
	p := rpc.Encode(request{
		RegionId:         "cn-hangzhou",
		SecurityGroupIds: []string{"sg-1", "sg-2"},
		Config:           &config{QueueNumber: &n},
	})
	for _, name := range slices.Sorted(maps.Keys(p)) {
		fmt.Printf("%s=%s\n", name, p[name])
	}
	// Output:
	// NetworkInterfaceTrafficConfig.QueueNumber=8
	// RegionId=cn-hangzhou
	// SecurityGroupIds.1=sg-1
	// SecurityGroupIds.2=sg-2
}
