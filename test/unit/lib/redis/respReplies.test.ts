import { encodeCommand, RedisReplyError, RespReader } from '../../../../lib/redis/respReplies';

describe('RESP replies', () => {
	it('encodes a command as an array of bulk strings, counting bytes, not characters', () => {
		expect(encodeCommand(['SET', 'kéy', '1']).toString()).toBe('*3\r\n$3\r\nSET\r\n$4\r\nkéy\r\n$1\r\n1\r\n');
	});

	it('reads every kind of reply, including nil and nested arrays', () => {
		const reader = new RespReader();
		const replies = reader.push(Buffer.from('+OK\r\n:1\r\n$-1\r\n$5\r\nhello\r\n*2\r\n:7\r\n*1\r\n$0\r\n\r\n*-1\r\n-ERR wrong\r\n'));
		expect(replies.slice(0, 6)).toEqual(['OK', 1, null, 'hello', [7, ['']], null]);
		expect(replies[6]).toBeInstanceOf(RedisReplyError);
		expect((replies[6] as RedisReplyError).reply).toBe('ERR wrong');
	});

	it('keeps a reply split across chunks until it is whole, at any split point', () => {
		const bytes = Buffer.from('$12\r\nhello\r\nworld\r\n*2\r\n+a\r\n:42\r\n');
		for (let split = 1; split < bytes.length; split++) {
			const reader = new RespReader();
			const replies = [...reader.push(bytes.subarray(0, split)), ...reader.push(bytes.subarray(split))];
			expect(replies).toEqual(['hello\r\nworld', ['a', 42]]);
		}
	});

	it('refuses bytes that are no reply', () => {
		expect(() => new RespReader().push(Buffer.from('?what\r\n'))).toThrow(RedisReplyError);
	});
});
