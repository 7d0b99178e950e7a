package fakeecs_test

import (
	"errors"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	legacy "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
)

// signedFake is a fake that checks signatures against one key pair.
func signedFake() *fakeecs.Fake {
	return fakeecs.New(fakeecs.WithWorld(fakeecs.DefaultWorld()),
		fakeecs.WithCredentials("good-ak", "good-secret"))
}

// v7Client returns a real v7 client that reaches f in-process with the
// given key pair and signature algorithm ("" for ACS3, "v2" for
// HMAC-SHA1).
func v7Client(t *testing.T, f *fakeecs.Fake, ak, secret,
	algorithm string) *ecs.Client {
	t.Helper()
	cfg := &openapiutil.Config{
		AccessKeyId:     tea.String(ak),
		AccessKeySecret: tea.String(secret),
		Endpoint:        tea.String("ecs.fake.local"),
		HttpClient:      fakeecs.InProcess{Handler: f.Handler()},
	}
	if algorithm != "" {
		cfg.SignatureAlgorithm = tea.String(algorithm)
	}
	c, err := ecs.NewClient(cfg)
	require.NoError(t, err)
	return c
}

func describeOne(c *ecs.Client) error {
	_, err := c.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{
			RegionId: tea.String(region),
			Tag: []*ecs.DescribeNetworkInterfacesRequestTag{{
				Key: tea.String("a b"), Value: tea.String("x*y~z")}}})
	return err
}

// TestSignaturesOfTheV7SDK checks both of the v7 SDK's signature schemes:
// the right secret passes, a wrong one gets SignatureDoesNotMatch, and an
// unknown key InvalidAccessKeyId.NotFound.
func TestSignaturesOfTheV7SDK(t *testing.T) {
	for _, alg := range []string{"", "v2"} {
		t.Run("algorithm "+alg, func(t *testing.T) {
			f := signedFake()
			require.NoError(t, describeOne(
				v7Client(t, f, "good-ak", "good-secret", alg)))
			requireCode(t, describeOne(
				v7Client(t, f, "good-ak", "bad-secret", alg)),
				"SignatureDoesNotMatch", 400)
			requireCode(t, describeOne(
				v7Client(t, f, "other-ak", "good-secret", alg)),
				"InvalidAccessKeyId.NotFound", 404)
		})
	}
}

// TestSignaturesOfTheOlderSDK checks the older SDK's HMAC-SHA1 signature
// the same way, through its own error value.
func TestSignaturesOfTheOlderSDK(t *testing.T) {
	f := signedFake()
	call := func(ak, secret string) error {
		c, err := legacy.NewClientWithAccessKey(region, ak, secret)
		require.NoError(t, err)
		c.Domain = "ecs.fake.local"
		c.SetTransport(fakeecs.InProcess{Handler: f.Handler()})
		req := legacy.CreateDescribeNetworkInterfacesRequest()
		req.Tag = &[]legacy.DescribeNetworkInterfacesTag{{Key: "a b",
			Value: "x*y~z"}}
		_, err = c.DescribeNetworkInterfaces(req)
		return err
	}
	require.NoError(t, call("good-ak", "good-secret"))
	var se *sdkerrors.ServerError
	require.True(t, errors.As(call("good-ak", "bad"), &se))
	require.Equal(t, "SignatureDoesNotMatch", se.ErrorCode())
	require.Equal(t, 400, se.HttpStatus())
	require.True(t, errors.As(call("nobody", "x"), &se))
	require.Equal(t, "InvalidAccessKeyId.NotFound", se.ErrorCode())
	require.Equal(t, 404, se.HttpStatus())
}

// TestUnsignedRequestsWhenKeysAreSet checks that a request with no
// signature gets IncompleteSignature once the fake has credentials, and
// that any key passes when it has none.
func TestUnsignedRequestsWhenKeysAreSet(t *testing.T) {
	status, _, out := rawCall(t, signedFake(), "POST",
		"Action=DescribeNetworkInterfaces&Version=2014-05-26"+
			"&RegionId=cn-hangzhou", nil, "")
	require.Equal(t, 400, status)
	require.Equal(t, "IncompleteSignature", out["Code"])
	status, _, _ = rawCall(t, wireFake(), "POST",
		"Action=DescribeNetworkInterfaces&Version=2014-05-26"+
			"&RegionId=cn-hangzhou", map[string]string{
			"Authorization": "ACS3-HMAC-SHA256 Credential=x," +
				"SignedHeaders=host,Signature=00"}, "")
	require.Equal(t, 200, status)
	status, _, out = rawCall(t, signedFake(), "POST",
		"Action=DescribeNetworkInterfaces&Version=2014-05-26"+
			"&RegionId=cn-hangzhou", map[string]string{
			"Authorization": "ACS3-HMAC-SHA256 garbage"}, "")
	require.Equal(t, 400, status)
	require.Equal(t, "IncompleteSignature", out["Code"])
}
